package dev.parley.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code parley.demo.enabled}: load the demo dataset into an empty embedded database. */
@ConfigurationProperties("parley.demo")
public record DemoProperties(boolean enabled) {
}
