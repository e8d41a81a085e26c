package dev.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.common.InvalidInputException;
import dev.parley.status.EstimatorScore;
import dev.parley.status.simulation.Distribution;
import dev.parley.status.simulation.Scenario;
import dev.parley.status.simulation.Simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wait-estimate simulator's command line ({@code bench/ewt-sim.sh SCENARIO.json [--json]}): reads a scenario
 * (docs/status.md), runs Parley's estimators through it and prints a table, or one JSON line per estimator.
 * Exit code 2 and the problems, each naming its field, for a scenario that is not valid.
 */
public final class EwtSim {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EwtSim() {
	}

	public static void main(String[] args) throws Exception {
		boolean json = List.of(args).contains("--json");
		var files = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
		if (files.size() != 1) {
			System.err.println("usage: bench/ewt-sim.sh SCENARIO.json [--json]");
			System.exit(2);
		}
		Scenario scenario;
		try {
			scenario = read(JSON.readTree(Files.readString(Path.of(files.get(0)))));
			scenario.validated();
		}
		catch (InvalidInputException e) {
			e.violations().forEach(v -> System.err.println("invalid scenario: " + v.field() + " " + v.message()));
			System.exit(2);
			return;
		}
		catch (tools.jackson.core.JacksonException e) {
			System.err.println("invalid scenario: not JSON (" + e.getOriginalMessage() + ")");
			System.exit(2);
			return;
		}
		var result = Simulator.run(scenario);
		if (json) {
			for (EstimatorScore s : result.scores()) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("estimator", s.estimator());
				line.put("rase", s.rase());
				line.put("mae", s.mae());
				line.put("samples", s.samples());
				if (s.estimator().equals(result.chosen())) {
					line.put("chosen", true);
				}
				System.out.println(JSON.writeValueAsString(line));
			}
			return;
		}
		System.out.printf(Locale.ROOT, "%d contacts (%d scored after a warm-up of %d), %d agents: %d served, %d abandoned, "
				+ "%.0f time units simulated in %.1f s%n", result.contacts(), result.scores().get(0).samples(),
				scenario.warmup(), scenario.agents(), result.served(), result.abandoned(), result.simulatedTime(),
				result.wallMillis() / 1000.0);
		System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %s%n", "estimator", "RASE", "MAE", "samples", "");
		for (EstimatorScore s : result.scores()) {
			System.out.printf(Locale.ROOT, "%-16s %10.4f %10.4f %10d %s%n", s.estimator(), s.rase(), s.mae(),
					s.samples(), s.estimator().equals(result.chosen()) ? "chosen" : "");
		}
	}

	/** Reads the scenario format; fields of the wrong type become problems naming them. */
	static Scenario read(JsonNode root) {
		var problems = new ArrayList<dev.parley.common.FieldViolation>();
		long seed = number(root, "seed", 1, problems).longValue();
		long contacts = number(root, "contacts", -1, problems).longValue();
		long warmup = number(root, "warmup", 0, problems).longValue();
		int agents = number(root, "agents", -1, problems).intValue();
		Distribution service = distribution(root.get("service"), "service", problems);
		Distribution patience = root.has("patience") && !root.get("patience").isNull()
				? distribution(root.get("patience"), "patience", problems) : null;
		List<Scenario.Arrival> arrivals = new ArrayList<>();
		JsonNode list = root.get("arrivals");
		if (list != null && list.isArray()) {
			for (int i = 0; i < list.size(); i++) {
				arrivals.add(new Scenario.Arrival(number(list.get(i), "from", -1, problems, "arrivals[" + i + "].").doubleValue(),
						number(list.get(i), "rate", -1, problems, "arrivals[" + i + "].").doubleValue()));
			}
		}
		else if (list != null) {
			problems.add(new dev.parley.common.FieldViolation("arrivals", "invalid", "must be a list of {from, rate}"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Scenario(seed, contacts, warmup, agents, service, patience, arrivals);
	}

	private static Distribution distribution(JsonNode node, String field, List<dev.parley.common.FieldViolation> problems) {
		if (node == null || !node.isObject()) {
			problems.add(new dev.parley.common.FieldViolation(field, "required", "must be {distribution, mean, cv}"));
			return null;
		}
		String name = node.has("distribution") ? node.get("distribution").asString("") : "";
		Distribution.Kind kind = switch (name) {
			case "exponential" -> Distribution.Kind.EXPONENTIAL;
			case "lognormal" -> Distribution.Kind.LOGNORMAL;
			case "hyperexponential" -> Distribution.Kind.HYPEREXPONENTIAL;
			default -> null;
		};
		if (kind == null) {
			problems.add(new dev.parley.common.FieldViolation(field + ".distribution", "invalid",
					"must be exponential, lognormal or hyperexponential"));
		}
		double mean = number(node, "mean", -1, problems, field + ".").doubleValue();
		double cv = number(node, "cv", 1, problems, field + ".").doubleValue();
		return new Distribution(kind, mean, cv);
	}

	private static Number number(JsonNode node, String name, double fallback, List<dev.parley.common.FieldViolation> problems) {
		return number(node, name, fallback, problems, "");
	}

	private static Number number(JsonNode node, String name, double fallback,
			List<dev.parley.common.FieldViolation> problems, String prefix) {
		JsonNode value = node == null ? null : node.get(name);
		if (value == null || value.isNull()) {
			if (fallback < 0) {
				problems.add(new dev.parley.common.FieldViolation(prefix + name, "required", "must be given"));
			}
			return fallback;
		}
		if (!value.isNumber()) {
			problems.add(new dev.parley.common.FieldViolation(prefix + name, "invalid", "must be a number"));
			return fallback;
		}
		return value.numberValue();
	}
}
