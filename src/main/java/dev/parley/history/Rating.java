package dev.parley.history;

import dev.parley.common.Violations;

/** The rule for a customer's rating: a whole number of stars from 1 to 5 and an optional short comment. */
public final class Rating {

	public static final int MIN = 1;
	public static final int MAX = 5;
	public static final int COMMENT_MAX = 1000;

	private Rating() {
	}

	/** Every broken rule of one rating, collected. */
	public static Violations check(Integer rating, String comment) {
		var v = new Violations();
		v.check(rating == null, "rating", "required", "must be given");
		v.check(rating != null && (rating < MIN || rating > MAX), "rating", "range", "must be between 1 and 5");
		v.lines(comment, COMMENT_MAX, "comment");
		return v;
	}

	/** A blank comment is no comment. */
	public static String normalizeComment(String comment) {
		return comment == null || comment.isBlank() ? null : comment.strip();
	}
}
