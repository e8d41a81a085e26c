package dev.parley.presence;

/** The answer to a one-off read (RFC 2778 FETCHER). */
public sealed interface FetchResult permits FetchResult.Fetched, PresenceNotFound {

	record Fetched(PresenceDocument document) implements FetchResult {
	}
}
