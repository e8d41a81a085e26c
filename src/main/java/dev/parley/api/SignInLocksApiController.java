package dev.parley.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.SignInLock;
import dev.parley.identity.SignInThrottle;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Administrators see the sign-in locks in force and lift them. */
@RestController
@RequestMapping("/api/v1/admin/sign-in-locks")
@Tag(name = "Sign-in locks", description = "Usernames and addresses locked after too many failed sign-ins.")
class SignInLocksApiController {

	private final SignInThrottle throttle;

	SignInLocksApiController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping
	@Operation(operationId = "listSignInLocks", summary = "List the sign-in locks in force", description = """
			Every lock in force, the longest first. After a few free failures, each failed sign-in (the form, an \
			API token, SIP digest) locks what it counts against for a while, doubling up to a limit: `ACCOUNT_SOURCE` \
			is one username from one address, `ACCOUNT` one username from anywhere, `SOURCE` one address for any \
			username. `username` is empty for an address's lock and `source` for an account's; `failures` counts \
			the failures behind it, `lockedUntil` is when it ends by itself. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The locks in force.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "locks", summary = "one username from one address",
					value = ApiExamples.SIGN_IN_LOCKS)))
	List<SignInLock> list() {
		return throttle.locks();
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "liftSignInLock", summary = "Lift a sign-in lock", description = """
			Lifts one lock and forgets the failures behind it, so sign-ins it covered are taken at once; give \
			`scope` and the `username` and `source` of the lock as listed (leave out the empty one). The lift is \
			written to the audit trail under your name.""")
	@ApiResponse(responseCode = "204", description = "The lock is lifted.")
	@ProblemAnswers(notFound = "No lock or count has this scope, username and source.", subject = "lock")
	void lift(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "`ACCOUNT_SOURCE`, `ACCOUNT` or `SOURCE`.", example = "ACCOUNT_SOURCE")
			@RequestParam SignInLock.Scope scope,
			@Parameter(description = "The locked username, as listed (scopes `ACCOUNT_SOURCE` and `ACCOUNT`).",
					example = "alice") @RequestParam(defaultValue = "") String username,
			@Parameter(description = "The locked address, as listed (scopes `ACCOUNT_SOURCE` and `SOURCE`).",
					example = "203.0.113.7") @RequestParam(defaultValue = "") String source) {
		throttle.lift(user.accountId(), scope, username, source);
	}
}
