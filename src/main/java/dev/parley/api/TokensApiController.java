package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.ApiToken;
import dev.parley.identity.TokenManagement;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own API tokens: list, create, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "The caller's own bearer tokens. A token acts as its owner.")
class TokensApiController {

	private final TokenManagement tokens;

	TokensApiController(TokenManagement tokens) {
		this.tokens = tokens;
	}

	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {
		static TokenView of(ApiToken t) {
			return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
					t.revokedAt());
		}
	}

	record NewToken(String name, Integer validDays) {
	}

	record CreatedToken(TokenView token, String secret) {
	}

	@GetMapping
	@Operation(operationId = "listTokens", summary = "List your API tokens", description = """
			Every token of the caller's account, active, expired and revoked, with its name, the first \
			characters of its secret (`prefix`), when it was created, when it expires (absent: never), when \
			it was last used and when it was revoked. The secrets themselves are never shown again. Changes \
			nothing.""")
	@ApiResponse(responseCode = "200", description = "The caller's tokens.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "tokens", summary = "one active token",
					value = ApiExamples.TOKENS)))
	List<TokenView> list(@AuthenticationPrincipal ParleyUser user) {
		return tokens.list(user.accountId()).stream().map(TokenView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createToken", summary = "Create an API token", description = """
			Issues a new bearer token for the caller's account, named `name` (1 to 80 characters), valid for \
			`validDays` (1 to 3650; absent: it never expires). The answer carries the `secret` \
			(`pk_...`), shown this once: store it. The token can also sign a SIP client in (digest).""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "new token", summary = "valid for 90 days",
							value = ApiExamples.NEW_TOKEN))))
	@ApiResponse(responseCode = "201", description = "The token was created; `secret` is shown only now.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "created",
					summary = "token and secret", value = ApiExamples.CREATED_TOKEN)))
	CreatedToken create(@AuthenticationPrincipal ParleyUser user, @RequestBody NewToken request) {
		var issued = tokens.issue(user.accountId(), request.name(), request.validDays());
		return new CreatedToken(TokenView.of(issued.token()), issued.secret());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "revokeToken", summary = "Revoke one of your API tokens", description = """
			Revokes the caller's token `id` at once: requests and SIP clients using it are refused from now \
			on (401). The token stays in the list, marked revoked. Revoking the token the request itself \
			carries is allowed.""")
	@ApiResponse(responseCode = "204", description = "The token is revoked.")
	@ProblemAnswers(notFound = "No such token among the caller's (another account's token answers the same).",
			subject = "token")
	void revoke(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "The token's id, from the list.", example = "6a559151-834f-4fe9-b0d3-0a940c57ba14")
			@PathVariable UUID id) {
		tokens.revoke(user.accountId(), id);
	}
}
