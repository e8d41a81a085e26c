package dev.parley.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers of one API operation that no general rule can know: what makes its input invalid
 * beyond a request body or a typed parameter, when it answers 404, the {@code code}s of its 409s, and
 * whether it negotiates its representation. {@link ApiDocumentation} turns them into
 * {@code application/problem+json} responses of the OpenAPI document; 401, 403, 413 and 415 and the 400
 * of a body or typed parameter follow from rules there and need nothing here.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ProblemAnswers {

	/** What makes input invalid when neither a body nor a typed parameter says so (400). */
	String invalid() default "";

	/** What a 404 means for this operation; empty when it never answers 404. */
	String notFound() default "";

	/** What the 404's {@code detail} names, e.g. {@code order} for "order not found". */
	String subject() default "resource";

	/** The codes of the 409s it can give. */
	Conflict[] conflicts() default {};

	/** Whether it serves several media types by {@code Accept} (406 when none fits). */
	boolean negotiates() default false;

	/** The {@code code} of a 409 answer, as the domain's conflicts name it. */
	enum Conflict {

		STALE("stale", "the `version` you sent is not the current one: someone changed it since you read it; "
				+ "read it again and retry", "order PO-100003 was changed by someone else; reload and try again"),
		STATE("state", "the order's status forbids the change (it has shipped, been delivered, cancelled or returned)",
				"order PO-100002 has shipped and can no longer be cancelled"),
		USERNAME_TAKEN("username-taken", "another account has this username", "username is already taken"),
		EMAIL_TAKEN("email-taken", "a customer registered with, or gave, this e-mail address already: sign in to that "
				+ "account instead", "an account with this e-mail address exists already: sign in to it with its username "
						+ "instead; if you no longer know its username or password, contact us and an agent will help you back in"),
		ATTRIBUTE_EXISTS("attribute-exists", "an attribute with this key exists already",
				"an attribute with this key exists already"),
		NOT_PENDING("not-pending", "the subscription is not waiting for approval (it was approved already)",
				"the subscription is not waiting for approval");

		private final String code;
		private final String meaning;
		private final String exampleDetail;

		Conflict(String code, String meaning, String exampleDetail) {
			this.code = code;
			this.meaning = meaning;
			this.exampleDetail = exampleDetail;
		}

		String code() {
			return code;
		}

		String meaning() {
			return meaning;
		}

		String exampleDetail() {
			return exampleDetail;
		}
	}
}
