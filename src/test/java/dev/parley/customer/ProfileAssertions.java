package dev.parley.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import dev.parley.testing.ApiClient;
import tools.jackson.databind.node.ObjectNode;

/** Sends one changed section and checks it is refused naming the field, with the profile unchanged. */
final class ProfileAssertions {

	private ProfileAssertions() {
	}

	static void rejects(ApiClient api, String token, String section, Consumer<ObjectNode> change, String field) {
		var before = api.get("/api/v1/me/profile", token).json();
		var body = (ObjectNode) before.get(section).deepCopy();
		change.accept(body);
		var response = api.put("/api/v1/me/" + section, token, body.toString());
		assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
		assertThat(api.get("/api/v1/me/profile", token).json()).as("unchanged after " + field).isEqualTo(before);
	}
}
