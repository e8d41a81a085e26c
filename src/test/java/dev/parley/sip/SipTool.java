package dev.parley.sip;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import dev.parley.testing.CiEnvironment;

/** An outside program the SIP tests drive: there, or the test is skipped with a message (under CI: fails). */
public enum SipTool {

	SIPP("PARLEY_SIPP", "/usr/bin/sipp", "install Debian's sip-tester or set PARLEY_SIPP"),
	BARESIP("PARLEY_BARESIP", "/usr/bin/baresip", "install Debian's baresip or set PARLEY_BARESIP");

	private final Path binary;

	private final String install;

	SipTool(String variable, String standard, String install) {
		this.binary = Path.of(System.getenv().getOrDefault(variable, standard));
		this.install = install;
	}

	Path binary() {
		return binary;
	}

	ConditionEvaluationResult available() {
		if (Files.isExecutable(binary)) {
			return ConditionEvaluationResult.enabled(name().toLowerCase() + " found at " + binary);
		}
		String message = name().toLowerCase() + " (" + binary + ") missing: " + install;
		if (CiEnvironment.isCi()) {
			throw new IllegalStateException(message + ". CI=true requires it.");
		}
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}
}
