package dev.parley.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.parley.identity.SignInThrottle;
import dev.parley.identity.TokenManagement;
import dev.parley.security.ParleyUser;

/**
 * Four filter chains: operators' endpoints under /actuator and the JSON API (both stateless, bearer tokens, no
 * cookies so no CSRF), the chat widget's cross-origin endpoints, and the pages (form login, session cookie, CSRF
 * on every unsafe request).
 */
@Configuration
@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Operators' endpoints: health and its liveness and readiness probes for anyone (status only; details to
	 * administrators), metrics and the Prometheus scrape for administrators with a bearer token.
	 */
	/**
	 * No observation around each security filter: with observations off for Spring Security the filters were still
	 * wrapped one by one (a decorator per filter per request, about 4% of the server's CPU under a chat load), and
	 * nothing reads them. Requests stay timed by {@code http.server.requests}.
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings noSecurityFilterObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(0)
	SecurityFilterChain operations(HttpSecurity http, TokenManagement tokens, SignInThrottle throttle,
			ProblemWriter problems) throws Exception {
		return http.securityMatcher("/actuator/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.anyRequest().hasRole("ADMIN"))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "Unauthorized",
						"Send an administrator's bearer token: Authorization: Bearer <token>."))
				.accessDeniedHandler((req, res, ex) -> problems.write(res, 403, "Forbidden",
						"Only administrators may read the metrics.")))
			.build();
	}

	/**
	 * The chat widget's endpoints, called cross-origin from the pages of the allowed origins
	 * ({@code parley.widget.allowed-origins}, comma-separated; none by default): no cookies, no CSRF, the widget
	 * session's token is checked by the endpoints themselves.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain widget(HttpSecurity http,
			@org.springframework.beans.factory.annotation.Value("${parley.widget.allowed-origins:}") java.util.List<String> origins)
			throws Exception {
		var cors = new org.springframework.web.cors.CorsConfiguration();
		origins.stream().map(String::strip).filter(o -> !o.isEmpty()).forEach(cors::addAllowedOrigin);
		cors.setAllowedMethods(java.util.List.of("GET", "POST"));
		cors.setAllowedHeaders(java.util.List.of("Content-Type", "X-Parley-Widget"));
		cors.setMaxAge(600L);
		var source = new org.springframework.web.cors.UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/widget/v1/**", cors);
		return http.securityMatcher("/widget/v1/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.cors(c -> c.configurationSource(source))
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, TokenManagement tokens, SignInThrottle throttle, ProblemWriter problems) throws Exception {
		return http.securityMatcher("/api/v1/**")
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", "/api/v1/registrations").permitAll()
				.requestMatchers("/api/v1/me/**").hasRole("CUSTOMER")
				.requestMatchers("/api/v1/agent/**").hasRole("AGENT")
				.requestMatchers("/api/v1/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
				.requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problems.write(res, 401, "Unauthorized",
						"Send a bearer token: Authorization: Bearer <token>."))
				.accessDeniedHandler((req, res, ex) -> problems.write(res, 403, "Forbidden",
						"Your role may not use this resource.")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, ThrottledSignIn signIn) throws Exception {
		return http
			.authorizeHttpRequests(a -> a
				.requestMatchers("/", "/login", "/register", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
						"/favicon.ico", "/api/docs", "/api/swagger-ui/**", "/actuator/health", "/status")
				.permitAll()
				.requestMatchers("/customer/**").hasRole("CUSTOMER")
				.requestMatchers("/agent/**").hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
				.requestMatchers("/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.authenticationManager(new ProviderManager(signIn)) // alone: no parent that checks the password unthrottled
			.formLogin(f -> f.loginPage("/login").successHandler(roleHome()).failureHandler(signIn).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("PARLEY_SESSION"))
			.headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_BROWSER),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_BROWSER,
						new ContentSecurityPolicyHeaderWriter(API_BROWSER_POLICY))))
			.csrf(Customizer.withDefaults())
			.build();
	}

	/**
	 * The pages' Content-Security-Policy. Scripts come from Parley's own files only: no inline script, no inline
	 * handler, no {@code javascript:} URL, no eval (htmx runs with {@code allowEval=false}); data for a script
	 * travels in data- attributes or a {@code <script type="application/json">} block, which is never run. Style
	 * elements and style sheets come from Parley's files only ({@code style-src-elem}); style attributes stay
	 * allowed ({@code style-src}, which browsers without {@code style-src-elem} also use for elements) because
	 * the charts (ECharts) and the API browser set them; the API browser (Swagger UI) also writes a style element
	 * of its own, so its pages get {@link #API_BROWSER_POLICY}. HSTS is Spring Security's default (one year,
	 * subdomains), written on HTTPS requests only: behind a TLS proxy, those it forwards as https (see the README).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; style-src-elem 'self'; img-src 'self' data:; connect-src 'self'; "
			+ "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The API browser (Swagger UI, {@code /api/docs}): a page of a library, not ours. */
	private static final RequestMatcher API_BROWSER = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/api/docs"), PathPatternRequestMatcher.pathPattern("/api/swagger-ui/**"));

	/** The pages' policy, but style elements written by the script allowed: Swagger UI adds one. */
	static final String API_BROWSER_POLICY = CONTENT_SECURITY_POLICY.replace(" style-src-elem 'self';", "");

	/** After sign-in, each role lands on its own home, unless it was sent to sign in from a page. */
	private AuthenticationSuccessHandler roleHome() {
		var handler = new SimpleUrlAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response,
					org.springframework.security.core.Authentication authentication) {
				var user = (ParleyUser) authentication.getPrincipal();
				return dev.parley.security.RoleHomes.of(user.role());
			}
		};
		return handler;
	}
}
