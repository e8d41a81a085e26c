package dev.parley.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parameters of a {@code Digest} Authorization header; anything else gives an empty map. */
final class DigestParameters {

	private static final Pattern PARAM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]*)\\s*(,|$)");

	private static final Pattern UNESCAPE = Pattern.compile("\\\\(.)");

	private DigestParameters() {
	}

	static Map<String, String> parse(String header) {
		Map<String, String> map = new LinkedHashMap<>();
		if (header == null || header.length() > 4096 || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
			return map;
		}
		Matcher m = PARAM.matcher(header.substring(7));
		int at = 0;
		while (at < header.length() - 7 && m.find(at) && m.start() == at) {
			String quoted = m.group(3);
			String value = quoted == null ? m.group(2)
					: quoted.indexOf('\\') < 0 ? quoted : UNESCAPE.matcher(quoted).replaceAll("$1");
			map.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
			at = m.end();
		}
		return map;
	}
}
