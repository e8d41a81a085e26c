package dev.parley.sip.stack;

/**
 * What matches a request to its server transaction (RFC 3261 s17.2.3): the top Via's branch and sent-by, and the
 * method, except that an ACK matches the INVITE it acknowledges (so its key's method is INVITE). A request from an
 * RFC 2543 client (no magic cookie in the branch) is matched by Call-ID, CSeq number, From tag and the whole top
 * Via instead (s17.2.3's fallback, simplified: Parley keeps no INVITE transactions to match an ACK against).
 * <p>
 * The method is in the key so that transactions of different kinds can live side by side: today every request
 * goes into {@link NonInviteServerTransactions} (an INVITE too: it is answered 405 at once); INVITE server
 * transactions, when they come, take the keys whose {@link #invite()} is true (see docs/sip.md, "How the stack
 * will grow: INVITE").
 */
record TransactionKey(String branch, String sentBy, String method) {

	static TransactionKey of(SipMessage m, Via via) {
		String method = m.method.equals("ACK") ? "INVITE" : m.method;
		if (via.rfc3261()) {
			return new TransactionKey(via.branch(), via.sentBy(), method);
		}
		String cseq = m.first("CSeq");
		String number = cseq == null ? "" : cseq.trim().split("\\s+", 2)[0];
		return new TransactionKey("2543|" + m.first("Call-ID") + "|" + number + "|"
				+ Headers.param(m.first("From"), "tag") + "|" + m.first("Via"), "", method);
	}

	/** Whether the key belongs to an INVITE transaction (an INVITE, or the ACK of a non-2xx answer to one). */
	boolean invite() {
		return method.equals("INVITE");
	}
}
