package dev.parley.sip;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a SIP test when the programs it drives are installed ({@link SipTest#tools()}, sipp when not said); skips it
 * with a message otherwise, except under CI (fails).
 */
public class SippAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		SipTool[] tools = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, SipTest.class))
			.map(SipTest::tools).orElse(new SipTool[] { SipTool.SIPP });
		ConditionEvaluationResult result = ConditionEvaluationResult.enabled("no outside program needed");
		for (SipTool tool : tools) {
			result = tool.available();
			if (result.isDisabled()) {
				return result;
			}
		}
		return result;
	}
}
