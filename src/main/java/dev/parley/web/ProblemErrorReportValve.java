package dev.parley.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The servlet container's own error answers (a path with an encoded slash or NUL, refused before Spring sees the
 * request, and any error no servlet answered) in Parley's words: problem+json, or a plain page to a browser that
 * asks for HTML; never Tomcat's report page with its name and version. Installed in place of the host's error
 * report valve.
 */
class ProblemErrorReportValve extends ErrorReportValve {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Parley: %s</title></head>
			<body><h1>Parley</h1><p>%s</p><p><a href="/">Back to the start</a></p></body></html>
			""";

	ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ErrorAnswers.Answer answer = ErrorAnswers.of(status);
		boolean page = ErrorAnswers.wantsPage(request.getHeader("Accept"));
		try {
			response.setContentType(page ? "text/html" : "application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(page ? PAGE.formatted(answer.title(), answer.detail().replace("<", "&lt;")) : answer.json());
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client went away, or the answer was already under way: nothing more to say
		}
	}

	/** Puts the valve in the host's pipeline in place of every other error report valve (Spring Boot adds one). */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				var pipeline = context.getParent().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new ProblemErrorReportValve());
				// the host adds an error report valve of this class at start unless it has one already
				((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
