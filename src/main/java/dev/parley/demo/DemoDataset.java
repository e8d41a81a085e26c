package dev.parley.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the seeders made so far, for later seeders and for the start-up log's list of sign-ins. */
public final class DemoDataset {

	/** Every demo account's password. */
	public static final String PASSWORD = "parley-demo";

	public record SignIn(String role, String username, String description) {
	}

	public record Named(UUID id, String name) {
	}

	/** A product with its category, so later seeders can pick products of a category. */
	public record SeededProduct(UUID id, String name, String categoryKey, long priceCents) {
	}

	public final List<SignIn> signIns = new ArrayList<>();
	public final List<Named> customers = new ArrayList<>();
	public final List<Named> agents = new ArrayList<>();
	public final List<Named> agentGroups = new ArrayList<>();
	public final List<SeededProduct> products = new ArrayList<>();
	public final List<String> categoryKeys = new ArrayList<>();
	public UUID supervisor;
	public UUID administrator;
}
