package dev.parley.sip;

import java.nio.file.Files;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.parley.testing.CiEnvironment;

/** Runs the sipp tests when sipp is installed; skips them with a message otherwise, except under CI (fails). */
public class SippAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(Sipp.BINARY)) {
			return ConditionEvaluationResult.enabled("sipp found at " + Sipp.BINARY);
		}
		String message = "sipp (" + Sipp.BINARY + ") missing: install Debian's sip-tester or set PARLEY_SIPP";
		if (CiEnvironment.isCi()) {
			throw new IllegalStateException(message + ". CI=true requires it.");
		}
		return ConditionEvaluationResult.disabled("SKIPPED: " + message);
	}
}
