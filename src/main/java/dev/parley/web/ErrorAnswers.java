package dev.parley.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Parley says for an error that reached no controller of its own (the servlet container's refusals, the
 * security firewall's, a missing CSRF token, an address nothing serves): a title and a sentence written for the
 * client, by status, and whether the client asked for a page. Shared by the error controller and the container's
 * error report valve, so both answer alike.
 */
final class ErrorAnswers {

	private ErrorAnswers() {
	}

	record Answer(int status, String title, String detail) {

		/** The RFC 9457 body; title and detail are fixed sentences, so nothing needs escaping but quotes. */
		String json() {
			return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		}
	}

	static Answer of(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String detail = switch (status) {
			case 400 -> "Parley cannot accept this request: its address or form is not valid (an address may not "
					+ "hold an encoded slash or NUL, a '..' segment or a ';').";
			case 401 -> "Sign in first.";
			case 403 -> "You may not do this.";
			case 404 -> "No such resource.";
			case 405 -> "This address does not take that method.";
			case 406 -> "Parley cannot answer in the media type you asked for.";
			case 408 -> "The request took too long to arrive.";
			case 413 -> "The request is too large.";
			case 414 -> "The request's address is too long.";
			case 415 -> "Parley does not take this media type here.";
			case 431 -> "The request's headers are too large.";
			case 429 -> "Too many requests: wait and try again.";
			case 503 -> "Parley cannot answer now: try again shortly.";
			default -> status >= 500 ? "Something went wrong on our side." : "Parley cannot answer this request.";
		};
		return new Answer(status, title, detail);
	}

	/** The forms' CSRF refusal says how to recover. */
	static Answer csrf() {
		return new Answer(403, "Forbidden",
				"The form's security token is missing or out of date: reload the page and send the form again.");
	}

	/**
	 * A page only for a client that names {@code text/html} in its Accept header (a browser); no Accept, or
	 * {@code * / *}, or anything else gets problem+json.
	 */
	static boolean wantsPage(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html")
					&& t.getQualityValue() > 0);
		}
		catch (RuntimeException e) {
			return false;
		}
	}
}
