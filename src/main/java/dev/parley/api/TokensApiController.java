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

/** The caller's own API tokens: list, create, revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
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
	List<TokenView> list(@AuthenticationPrincipal ParleyUser user) {
		return tokens.list(user.accountId()).stream().map(TokenView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CreatedToken create(@AuthenticationPrincipal ParleyUser user, @RequestBody NewToken request) {
		var issued = tokens.issue(user.accountId(), request.name(), request.validDays());
		return new CreatedToken(TokenView.of(issued.token()), issued.secret());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID id) {
		tokens.revoke(user.accountId(), id);
	}
}
