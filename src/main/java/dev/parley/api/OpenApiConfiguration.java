package dev.parley.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document served at /api/v1/openapi and browsable at /api/docs. Each operation's summary,
 * description and examples are on its controller method; {@link ApiDocumentation} adds who may call it
 * and its problem answers.
 */
@Configuration
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI parleyOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Parley API").version("v1")
				.description("""
						The customer's own data and the center's data about them, the catalog, agent groups, \
						presence, live contacts with the center (a customer's interactions and chat, an \
						agent's desk), queues, the center's live status, and administration of the center.

						Authenticate with a bearer token (`Authorization: Bearer pk_...`) that a user creates \
						on the *API tokens* page or with `POST /api/v1/tokens`; the token acts with its owner's \
						role. Only registration is open without one.

						Errors are RFC 9457 problem details (`application/problem+json`). Invalid input answers \
						400 with an `errors` array naming every invalid field; a stale edit (the `version` you \
						sent is not the current one) answers 409 with `code` `stale`; a state rule answers 409 \
						with its own `code`; another customer's data answers exactly like data that does not \
						exist (404), another agent's offer or interaction answers 403 with `code` `not-yours`; \
						a request the center cannot serve now (a closed queue, a medium it does not take) \
						answers 422 with its `code`; too many chat messages answer 429 with `Retry-After`. \
						Nothing of a refused request is saved.

						A client that writes many chat messages (a bot, an app) can send them over one WebSocket \
						instead of a request each: `GET /api/v1/agent/chat-socket` (agents) or \
						`GET /api/v1/me/chat-socket` (customers) with the same bearer token. A text frame \
						`{"interaction": id, "body": text, "clientId": optional}` is one message; each is answered \
						in order by `{"type": "message", "interaction": id, "message": {...}}` (what the message \
						request answers with 201) or `{"type": "problem", "interaction", "clientId", "status", \
						"retryAfter"?, "problem": {...}}` (the request's problem, nothing stored). A token revoked \
						or expired closes the socket with 1008; a frame over 65,536 characters closes it with 1009.""")
				.license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("pk_...")
						.description("An API token of the caller: `Authorization: Bearer pk_...`. Unknown, "
								+ "expired and revoked tokens answer 401.")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	ApiDocumentation apiDocumentation() {
		return new ApiDocumentation();
	}
}
