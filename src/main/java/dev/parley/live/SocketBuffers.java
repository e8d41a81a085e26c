package dev.parley.live;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The HTTP connector's two buffers per socket (read and write; Tomcat's default is 8 KiB each): what an open page's
 * event stream holds once its request is done ({@link UpgradedChannel}), so they are most of its heap. At
 * {@value #BYTES} bytes each a page costs 8 KiB less. What they bound is only how much one system call reads or writes:
 * the limit on request headers is the connector's own header buffer (8 KiB, unchanged: {@code LiveUpgradedStreamTests}
 * sends 8 KiB of headers), a request body or a page is read or written in more calls of at most this size each, and a
 * frame larger than the write buffer waits in the connector's non-blocking buffer as before.
 */
@Component
class SocketBuffers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	static final int BYTES = 4096;

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers(connector -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(BYTES));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(BYTES));
		});
	}
}
