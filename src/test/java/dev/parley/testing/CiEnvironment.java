package dev.parley.testing;

/** Whether the build runs under CI, where every outside part a test needs must be present. */
public final class CiEnvironment {

	private CiEnvironment() {
	}

	public static boolean isCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}
}
