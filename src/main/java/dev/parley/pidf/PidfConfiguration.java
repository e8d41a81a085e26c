package dev.parley.pidf;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The codecs and presentity URIs as beans, in Parley's domain: {@code parley.sip.domain} ({@code PARLEY_SIP_DOMAIN}),
 * the host part of every presentity URI Parley writes, over SIP or not.
 */
@Configuration(proxyBeanMethods = false)
class PidfConfiguration {

	@Bean
	PresentityUris presentityUris(@Value("${parley.sip.domain:" + PresentityUris.DEFAULT_DOMAIN + "}") String domain) {
		return new PresentityUris(domain);
	}

	@Bean
	PidfCodec pidfCodec(PresentityUris presentityUris) {
		return new PidfCodec(presentityUris);
	}

	@Bean
	WatcherInfoCodec watcherInfoCodec(PresentityUris presentityUris) {
		return new WatcherInfoCodec(presentityUris);
	}
}
