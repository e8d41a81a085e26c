package dev.parley.status.internal;

/** The digamma function psi(x) for x > 0: recurrence up to x >= 6, then its asymptotic series. */
final class Digamma {

	private Digamma() {
	}

	static double of(double x) {
		double result = 0;
		while (x < 6) {
			result -= 1 / x;
			x += 1;
		}
		double f = 1 / (x * x);
		double series = f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132)))));
		return result + Math.log(x) - 0.5 / x + series;
	}
}
