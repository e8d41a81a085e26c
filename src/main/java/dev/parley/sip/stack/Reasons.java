package dev.parley.sip.stack;

/** The reason phrases of RFC 3261 s21 (and the extensions Parley answers with), for responses given none. */
final class Reasons {

	private Reasons() {
	}

	static String of(int status) {
		return switch (status) {
			case 100 -> "Trying";
			case 200 -> "OK";
			case 202 -> "Accepted";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 408 -> "Request Timeout";
			case 412 -> "Conditional Request Failed";
			case 413 -> "Request Entity Too Large";
			case 415 -> "Unsupported Media Type";
			case 416 -> "Unsupported URI Scheme";
			case 423 -> "Interval Too Brief";
			case 481 -> "Call/Transaction Does Not Exist";
			case 482 -> "Loop Detected";
			case 483 -> "Too Many Hops";
			case 489 -> "Bad Event";
			case 500 -> "Server Internal Error";
			case 501 -> "Not Implemented";
			case 503 -> "Service Unavailable";
			case 505 -> "Version Not Supported";
			case 513 -> "Message Too Large";
			default -> status < 300 ? "OK" : "Error";
		};
	}
}
