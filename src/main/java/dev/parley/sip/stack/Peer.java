package dev.parley.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** Where a message goes: a UDP address (over Parley's one socket) or a TCP connection. */
interface Peer {

	/** Sends the bytes; false when that failed (the connection is gone, the socket closed). */
	boolean send(byte[] bytes);

	/** Whether the transport is reliable (TCP): no retransmissions, no Timer J. */
	boolean reliable();

	record Udp(DatagramChannel channel, InetSocketAddress address) implements Peer {

		@Override
		public boolean send(byte[] bytes) {
			try {
				channel.send(ByteBuffer.wrap(bytes), address);
				return true;
			}
			catch (IOException | RuntimeException e) {
				return false;
			}
		}

		@Override
		public boolean reliable() {
			return false;
		}
	}
}
