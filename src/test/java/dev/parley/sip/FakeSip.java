package dev.parley.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/** The transport port without sockets: requests built by hand, answers and NOTIFYs recorded. */
final class FakeSip {

	private FakeSip() {
	}

	/** A request being built. */
	static final class Request {
		private final String method;
		private final String user;
		private final Map<String, List<String>> headers = new LinkedHashMap<>();
		private String toTag = "";
		private String callId = "call-" + System.nanoTime();
		private byte[] body;
		private String source = "192.0.2.1";

		Request(String method, String user) {
			this.method = method;
			this.user = user;
			header("Contact", "<sip:w@192.0.2.1>");
		}

		/** Sets a header (replacing one of the same name). */
		Request header(String name, String value) {
			headers.put(name, new ArrayList<>(List.of(value)));
			return this;
		}

		Request body(String type, String text) {
			body = text.getBytes(StandardCharsets.UTF_8);
			return header("Content-Type", type);
		}

		Request inDialog(String key) {
			int at = key.indexOf(';');
			callId = key.substring(0, at);
			toTag = key.substring(at + 1);
			return this;
		}

		Request from(String address) {
			source = address;
			return this;
		}

		SipRequest build() {
			return new SipRequest(method, "sip:" + user + "@parley.local", user, "parley.local", callId,
					"sip:w@192.0.2.1", toTag, headers, body, source, "udp");
		}
	}

	/** A NOTIFY as sent, and how the watcher will answer it. */
	record Notify(Map<String, String> headers, String contentType, String body) {
		String state() {
			return headers.get("Subscription-State");
		}
	}

	static final class Dialog implements SipDialog {
		final String key;
		final SipDialogState state;
		final java.util.concurrent.atomic.AtomicLong cseq;
		final List<Notify> notifies = new CopyOnWriteArrayList<>();
		final List<Long> cseqs = new CopyOnWriteArrayList<>();
		volatile int answer = 200;

		/** While true, NOTIFYs are not answered (a slow subscriber) until {@link #release}. */
		volatile boolean holdAnswers;

		final List<IntConsumer> held = new java.util.concurrent.CopyOnWriteArrayList<>();
		volatile boolean closed;

		Dialog(SipDialogState state) {
			this.key = state.key();
			this.state = state;
			this.cseq = new java.util.concurrent.atomic.AtomicLong(state.nextCSeq());
		}

		@Override
		public String key() {
			return key;
		}

		@Override
		public SipDialogState state() {
			return state.withNextCSeq(cseq.get());
		}

		@Override
		public void notify(List<Map.Entry<String, String>> headers, String contentType, byte[] body, IntConsumer onFinal) {
			Map<String, String> map = new LinkedHashMap<>();
			headers.forEach(e -> map.put(e.getKey(), e.getValue()));
			cseqs.add(cseq.getAndIncrement());
			notifies.add(new Notify(map, contentType, new String(body, StandardCharsets.UTF_8)));
			if (holdAnswers) {
				held.add(onFinal);
			}
			else {
				onFinal.accept(answer);
			}
		}

		/** Answers the NOTIFYs held back so far with {@link #answer}. */
		void release() {
			List<IntConsumer> now = new java.util.ArrayList<>(held);
			held.clear();
			holdAnswers = false;
			now.forEach(c -> c.accept(answer));
		}

		@Override
		public void close() {
			closed = true;
		}

		Notify last() {
			return notifies.get(notifies.size() - 1);
		}
	}

	static final class Exchange implements SipExchange {
		final SipRequest request;
		SipResponse response;
		Dialog dialog;
		/** Runs as a dialog's 200 goes, before the handler goes on. */
		java.util.function.Consumer<SipDialogState> onDialog = state -> {
		};

		Exchange(SipRequest request) {
			this.request = request;
		}

		@Override
		public SipRequest request() {
			return request;
		}

		@Override
		public void respond(SipResponse r) {
			if (response != null) {
				throw new IllegalStateException("answered twice");
			}
			response = r;
		}

		@Override
		public SipDialog respondWithDialog(SipResponse r, SipDialogState state) {
			onDialog.accept(state);
			respond(r);
			dialog = new Dialog(state);
			return dialog;
		}

		int status() {
			return response.status();
		}
	}
}
