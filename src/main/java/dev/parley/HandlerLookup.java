package dev.parley;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finding the controller method of a request whose path has a variable ({@code /api/v1/agent/interactions/{id}/messages})
 * makes Spring MVC try every one of Parley's two hundred mappings in turn, each asking the request for its method,
 * headers and path through half a dozen wrappers: under a chat load that was a quarter of the server's CPU. This
 * mapping keeps, per mapping, the literal start of each of its patterns (the text before the first variable or
 * wildcard) in one array, and tries only the mappings whose literal start begins the request's path, in Spring's own
 * order (mappings of the exact path first) and by Spring's own conditions and comparator. Anything else (no match, a
 * tie, a CORS preflight, a path with a percent-escape, whose literal parts match their decoded text) is left to
 * Spring's lookup, so the answers (a 404, a 405 naming the allowed methods, a 415) do not change.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

	@Bean
	WebMvcRegistrations prefixFilteredMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixFiltered();
			}
		};
	}

	/** Spring MVC's mapping, with a shortcut for the requests it can answer by a few mappings. */
	static class PrefixFiltered extends RequestMappingHandlerMapping {

		/** One mapping: its literal starts (null: it could match any path), exact paths and method. */
		private record Entry(RequestMappingInfo info, String @Nullable [] prefixes, Set<String> direct,
				HandlerMethod handler) {
		}

		/** A mapping that matched the request (as Spring narrows it to the request), with its method. */
		private record Match(RequestMappingInfo mapping, HandlerMethod handler) {
		}

		/**
		 * The mappings by the folder their literal starts lie in (each start up to its last '/'): a request's candidates
		 * are in the buckets of its path's folders, a handful of map reads instead of a test of every mapping.
		 */
		private record Index(Entry[] anywhere, Map<String, Entry[]> byFolder) {
		}

		/** Built on the first lookup after the mappings change. */
		private volatile @Nullable Index entries;

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			entries = null;
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			super.registerMapping(mapping, handler, method);
			entries = null;
		}

		@Override
		public void unregisterMapping(RequestMappingInfo mapping) {
			super.unregisterMapping(mapping);
			entries = null;
		}

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			Index index = entries;
			if (index == null) {
				index = index();
				entries = index;
			}
			List<Entry> candidates = candidates(index, lookupPath);
			// as Spring: the mappings of this exact path first, all of them only when none of those matches
			List<Match> matches = matching(candidates, request, lookupPath, true);
			if (matches.isEmpty()) {
				matches = matching(candidates, request, lookupPath, false);
			}
			if (matches.isEmpty()) {
				return super.lookupHandlerMethod(lookupPath, request); // its "no match" answers: 404, 405, 415
			}
			Match best = matches.get(0);
			if (matches.size() > 1) {
				Comparator<RequestMappingInfo> order = getMappingComparator(request);
				matches.sort((a, b) -> order.compare(a.mapping, b.mapping));
				best = matches.get(0);
				if (order.compare(best.mapping, matches.get(1).mapping) == 0) {
					return super.lookupHandlerMethod(lookupPath, request); // an ambiguity: Spring says which
				}
			}
			request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler);
			handleMatch(best.mapping, lookupPath, request);
			return best.handler;
		}

		/** Spring's own lookup, for the tests that compare the two. */
		@Nullable HandlerMethod springsLookup(String lookupPath, HttpServletRequest request) throws Exception {
			return super.lookupHandlerMethod(lookupPath, request);
		}

		private List<Match> matching(List<Entry> candidates, HttpServletRequest request, String lookupPath,
				boolean exactOnly) {
			List<Match> matches = new ArrayList<>(2);
			for (Entry e : candidates) {
				if (exactOnly && !e.direct.contains(lookupPath)) {
					continue;
				}
				RequestMappingInfo match = getMatchingMapping(e.info, request);
				if (match != null) {
					matches.add(new Match(match, e.handler));
				}
			}
			return matches;
		}

		private Index index() {
			List<Entry> anywhere = new ArrayList<>();
			Map<String, List<Entry>> byFolder = new java.util.HashMap<>();
			for (Map.Entry<RequestMappingInfo, HandlerMethod> m : getHandlerMethods().entrySet()) {
				var e = new Entry(m.getKey(), prefixes(m.getKey()), getDirectPaths(m.getKey()), m.getValue());
				if (e.prefixes == null) {
					anywhere.add(e);
					continue;
				}
				for (String p : e.prefixes) {
					List<Entry> bucket = byFolder.computeIfAbsent(folder(p), k -> new ArrayList<>());
					if (!holds(bucket, e)) {
						bucket.add(e);
					}
				}
			}
			Map<String, Entry[]> frozen = new java.util.HashMap<>();
			byFolder.forEach((k, v) -> frozen.put(k, v.toArray(Entry[]::new)));
			return new Index(anywhere.toArray(Entry[]::new), frozen);
		}

		/** The mappings whose literal start begins the path: from the buckets of each of the path's folders. */
		private static List<Entry> candidates(Index index, String path) {
			List<Entry> out = new ArrayList<>(8);
			java.util.Collections.addAll(out, index.anywhere);
			for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
				Entry[] bucket = index.byFolder.get(path.substring(0, slash + 1));
				if (bucket == null) {
					continue;
				}
				for (Entry e : bucket) {
					if (couldMatch(e.prefixes, path) && !holds(out, e)) {
						out.add(e);
					}
				}
			}
			return out;
		}

		private static boolean holds(List<Entry> list, Entry e) {
			for (Entry x : list) {
				if (x == e) {
					return true;
				}
			}
			return false;
		}

		/** A literal start up to and with its last '/' (every pattern starts with one). */
		static String folder(String literalStart) {
			return literalStart.substring(0, literalStart.lastIndexOf('/') + 1);
		}

		static boolean couldMatch(String @Nullable [] prefixes, String path) {
			if (prefixes == null) {
				return true;
			}
			for (String p : prefixes) {
				if (path.startsWith(p)) {
					return true;
				}
			}
			return false;
		}

		/** The literal starts of the mapping's patterns; null when one of them could match any path. */
		static String @Nullable [] prefixes(RequestMappingInfo info) {
			PathPatternsRequestCondition condition = info.getPathPatternsCondition();
			if (condition == null || condition.getPatterns().isEmpty()) {
				return null;
			}
			String[] out = new String[condition.getPatterns().size()];
			int i = 0;
			for (PathPattern pattern : condition.getPatterns()) {
				String p = literalStart(pattern.getPatternString());
				if (p.isEmpty() || p.equals("/")) {
					return null;
				}
				out[i++] = p;
			}
			return out;
		}

		/** The pattern up to its first variable or wildcard. */
		static String literalStart(String pattern) {
			int end = pattern.length();
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '{' || c == '*' || c == '?') {
					end = i;
					break;
				}
			}
			return pattern.substring(0, end);
		}
	}
}
