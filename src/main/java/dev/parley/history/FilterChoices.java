package dev.parley.history;

import java.util.List;

/** The products and agents found in one customer's own history, by name, for the filter form. */
public record FilterChoices(List<Choice> products, List<Choice> agents) {

	public FilterChoices {
		products = List.copyOf(products);
		agents = List.copyOf(agents);
	}
}
