package dev.parley.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.http.server.RequestPath;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerAdapter;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * Serves the {@link HotPath} methods of the API without Spring MVC's general machinery. A chat load measured the
 * machinery around one small JSON request (the lookup among two hundred mappings, the argument resolvers, data binder
 * and model factories, return value handlers and content negotiation) at half of the request's CPU, the work the
 * message needs (store, push, JSON) at a sixth.
 * <p>
 * This is a handler mapping ahead of Spring's and a handler adapter ahead of Spring's, in one. It claims a request
 * only when it is the plain case: the method's one HTTP method and path pattern, a body declared
 * {@code application/json}, and an {@code Accept} header that JSON satisfies (or none). Anything else (another
 * content type, no content type, an {@code Accept} JSON cannot satisfy, a header that does not parse) is left to
 * Spring MVC, which answers it as it always did (415, 406, ...). A claimed request runs the same controller method
 * with the same arguments, read and written by the same message converter; what it throws goes through Spring's
 * exception resolvers with the controller as the handler, so {@code ApiExceptionHandler}'s problem answers are
 * unchanged. The answer is written with its length in one piece, not flushed in chunks. The path pattern is set for
 * the request metrics as Spring's mapping sets it.
 */
@Component
class HotPaths implements HandlerMapping, HandlerAdapter, Ordered, SmartInitializingSingleton {

	private final RequestMappingHandlerMapping mappings;
	private final RequestMappingHandlerAdapter adapter;
	private volatile List<Route> routes = List.of();

	HotPaths(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
			RequestMappingHandlerAdapter adapter) {
		this.mappings = mappings;
		this.adapter = adapter;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Route> found = new ArrayList<>();
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			if (entry.getValue().hasMethodAnnotation(HotPath.class)) {
				found.add(Route.of(entry.getKey(), entry.getValue().createWithResolvedBean(),
						adapter.getMessageConverters()));
			}
		}
		routes = List.copyOf(found);
	}

	/** The routes served here: their method and pattern, e.g. {@code POST /api/v1/me/interactions/{id}/messages}. */
	List<String> routes() {
		return routes.stream().map(r -> r.httpMethod + " " + r.pattern.getPatternString()).toList();
	}

	// --- the mapping

	@Override
	public @Nullable HandlerExecutionChain getHandler(HttpServletRequest request) {
		List<Route> all = routes;
		if (all.isEmpty()) {
			return null;
		}
		String method = request.getMethod();
		RequestPath path = null;
		for (Route route : all) {
			if (!route.httpMethod.equals(method)) {
				continue;
			}
			if (path == null) {
				path = ServletRequestPathUtils.hasParsedRequestPath(request)
						? ServletRequestPathUtils.getParsedRequestPath(request)
						: ServletRequestPathUtils.parseAndCache(request);
			}
			PathPattern.PathMatchInfo match = route.pattern.matchAndExtract(path.pathWithinApplication());
			if (match == null) {
				continue;
			}
			if (!plainJson(request)) {
				return null;
			}
			String pattern = route.pattern.getPatternString();
			request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, route);
			request.setAttribute(BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
			request.setAttribute(URI_TEMPLATE_VARIABLES_ATTRIBUTE, match.getUriVariables());
			ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
			return new HandlerExecutionChain(route);
		}
		return null;
	}

	/** A JSON body, and an answer in JSON acceptable (one Accept header, or none). */
	static boolean plainJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			return false;
		}
		if (contentType.equals(JSON)) { // the usual request, without parsing its media types
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			if (accept == null) {
				return true;
			}
			if (accept.equals(JSON) || accept.equals(JSON_OR_PROBLEM)) {
				return oneAccept(request);
			}
		}
		try {
			if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
				return false;
			}
			Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
			if (accepts == null || !accepts.hasMoreElements()) {
				return true;
			}
			String accept = accepts.nextElement();
			if (accepts.hasMoreElements()) {
				return false;
			}
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
					return true;
				}
			}
			return false;
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
	private static final String JSON_OR_PROBLEM = JSON + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static boolean oneAccept(HttpServletRequest request) {
		Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
		if (accepts.hasMoreElements()) {
			accepts.nextElement();
		}
		return !accepts.hasMoreElements();
	}

	// --- the adapter

	@Override
	public boolean supports(Object handler) {
		return handler instanceof Route;
	}

	@Override
	public @Nullable ModelAndView handle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Route route = (Route) handler;
		@SuppressWarnings("unchecked")
		var variables = (Map<String, String>) request.getAttribute(URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Object[] args = new Object[route.args.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = route.args[i].resolve(request, variables);
		}
		Object value;
		try {
			value = route.invoke(args);
		}
		catch (InvocationTargetException e) {
			if (e.getCause() instanceof Exception thrown) {
				throw thrown;
			}
			throw (Error) e.getCause();
		}
		route.write(value, response);
		return null;
	}

	/** How one argument of a hot method is found in the request. */
	@FunctionalInterface
	interface Arg {
		@Nullable
		Object resolve(HttpServletRequest request, Map<String, String> variables) throws IOException;
	}

	/** One hot method: the controller's own handler method, with what it takes and gives worked out at start. */
	static final class Route extends HandlerMethod {

		final String httpMethod;
		final PathPattern pattern;
		final Arg[] args;
		private final int status;
		private final SmartHttpMessageConverter<Object> writer;
		private final ResolvableType bodyType;

		private Route(HandlerMethod method, String httpMethod, PathPattern pattern, Arg[] args, int status,
				SmartHttpMessageConverter<Object> writer, ResolvableType bodyType) {
			super(method);
			ReflectionUtils.makeAccessible(getBridgedMethod());
			this.httpMethod = httpMethod;
			this.pattern = pattern;
			this.args = args;
			this.status = status;
			this.writer = writer;
			this.bodyType = bodyType;
		}

		/** The route of a method marked hot; a mapping or a signature this class cannot serve fails the start. */
		static Route of(RequestMappingInfo info, HandlerMethod method, List<HttpMessageConverter<?>> converters) {
			String name = method.getMethod().toGenericString();
			var patterns = info.getPathPatternsCondition() == null ? null
					: info.getPathPatternsCondition().getPatterns();
			var methods = info.getMethodsCondition().getMethods();
			if (patterns == null || patterns.size() != 1 || methods.size() != 1
					|| !info.getParamsCondition().isEmpty() || !info.getHeadersCondition().isEmpty()
					|| !info.getConsumesCondition().isEmpty() || !info.getProducesCondition().isEmpty()) {
				throw refused(name, "it needs one path pattern and one HTTP method, and no other condition");
			}
			if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), CrossOrigin.class)
					|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), CrossOrigin.class)) {
				throw refused(name, "cross-origin settings are Spring MVC's");
			}
			MethodParameter[] parameters = method.getMethodParameters();
			Arg[] args = new Arg[parameters.length];
			for (int i = 0; i < parameters.length; i++) {
				args[i] = arg(name, method, parameters[i], converters);
			}
			Class<?> returns = method.getReturnType().getParameterType();
			ResolvableType bodyType = ResponseEntity.class.isAssignableFrom(returns)
					? ResolvableType.forMethodReturnType(method.getMethod()).as(ResponseEntity.class).getGeneric(0)
					: ResolvableType.forMethodReturnType(method.getMethod());
			if (returns == void.class) {
				throw refused(name, "it must answer with a body or a ResponseEntity");
			}
			ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ResponseStatus.class);
			SmartHttpMessageConverter<Object> writer = converter(converters, bodyType, false);
			if (writer == null) {
				throw refused(name, "no converter writes " + bodyType + " as JSON");
			}
			return new Route(method, methods.iterator().next().name(), patterns.iterator().next(), args,
					status == null ? 200 : status.code().value(), writer, bodyType);
		}

		private static Arg arg(String name, HandlerMethod method, MethodParameter parameter,
				List<HttpMessageConverter<?>> converters) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			if (parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class)) {
				throw refused(name, "validated arguments are Spring MVC's");
			}
			AuthenticationPrincipal principal = parameter.getParameterAnnotation(AuthenticationPrincipal.class);
			if (principal != null) {
				if (!principal.expression().isEmpty() || principal.errorOnInvalidType()) {
					throw refused(name, "@AuthenticationPrincipal takes no expression here");
				}
				Class<?> type = parameter.getParameterType();
				return (request, variables) -> {
					Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
					Object who = authentication == null ? null : authentication.getPrincipal();
					return type.isInstance(who) ? who : null;
				};
			}
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			if (variable != null) {
				String key = !variable.name().isEmpty() ? variable.name() : parameter.getParameterName();
				if (parameter.getParameterType() != String.class || key == null) {
					throw refused(name, "a path variable must be a named String");
				}
				return (request, variables) -> variables.get(key);
			}
			RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
			if (body != null) {
				ResolvableType type = ResolvableType.forMethodParameter(parameter);
				SmartHttpMessageConverter<Object> reader = converter(converters, type, true);
				if (reader == null) {
					throw refused(name, "no converter reads " + type + " from JSON");
				}
				boolean required = body.required();
				return (request, variables) -> read(request, reader, type, required, method);
			}
			throw refused(name, "argument " + parameter.getParameterIndex() + " is neither the principal, "
					+ "a path variable nor the body");
		}

		/** As Spring MVC reads a body: empty is null (or missing when required), unreadable says why. */
		private static @Nullable Object read(HttpServletRequest request, SmartHttpMessageConverter<Object> reader,
				ResolvableType type, boolean required, HandlerMethod method) throws IOException {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.CONTENT_TYPE, request.getContentType());
			PushbackInputStream in = new PushbackInputStream(request.getInputStream(), 1);
			HttpInputMessage message = new HttpInputMessage() {
				@Override
				public InputStream getBody() {
					return in;
				}

				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}
			};
			try {
				int first = in.read();
				if (first == -1) {
					if (required) {
						throw new HttpMessageNotReadableException(
								"Required request body is missing: " + method.getMethod().toGenericString(), message);
					}
					return null;
				}
				in.unread(first);
				return reader.read(type, message, null);
			}
			catch (HttpMessageNotReadableException e) {
				throw e;
			}
			catch (IOException e) {
				throw new HttpMessageNotReadableException("I/O error while reading input message", e, message);
			}
		}

		@Nullable
		Object invoke(@Nullable Object[] args) throws IllegalAccessException, InvocationTargetException {
			return getBridgedMethod().invoke(getBean(), args);
		}

		/** Writes the answer: status, headers, and the body as JSON with its length, in one piece. */
		void write(@Nullable Object value, HttpServletResponse response) throws IOException {
			int code = status;
			Object body = value;
			if (value instanceof ResponseEntity<?> entity) {
				code = entity.getStatusCode().value();
				entity.getHeaders().forEach((header, values) -> values.forEach(v -> response.addHeader(header, v)));
				body = entity.getBody();
			}
			response.setStatus(code);
			if (body == null) {
				return;
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
			HttpHeaders headers = new HttpHeaders();
			writer.write(body, bodyType, MediaType.APPLICATION_JSON, new HttpOutputMessage() {
				@Override
				public OutputStream getBody() {
					return bytes;
				}

				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}
			}, null);
			MediaType type = headers.getContentType();
			response.setContentType((type == null ? MediaType.APPLICATION_JSON : type).toString());
			response.setContentLength(bytes.size());
			bytes.writeTo(response.getOutputStream());
		}

		@SuppressWarnings("unchecked")
		private static @Nullable SmartHttpMessageConverter<Object> converter(List<HttpMessageConverter<?>> converters,
				ResolvableType type, boolean read) {
			for (HttpMessageConverter<?> c : converters) {
				if (c instanceof SmartHttpMessageConverter<?> smart && (read
						? smart.canRead(type, MediaType.APPLICATION_JSON)
						: smart.canWrite(type, type.toClass(), MediaType.APPLICATION_JSON))) {
					return (SmartHttpMessageConverter<Object>) smart;
				}
			}
			return null;
		}

		private static IllegalStateException refused(String method, String why) {
			return new IllegalStateException("@HotPath " + method + " cannot be served directly: " + why);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}
	}
}
