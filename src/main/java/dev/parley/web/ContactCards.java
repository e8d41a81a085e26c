package dev.parley.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.orders.OrderItem;
import dev.parley.orders.Orders;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.status.QueueStatus;

/**
 * The portal's "Contact us" card: each medium as the center offers it now (chat open, chat with nobody free to
 * take it yet, closed, or not yet available from the portal), the products the customer may ask about (from their
 * orders, then from their interests), the queues that take chats (open now or when they open) with the one the
 * routing rule picks, for no product and for each product, and the customer's contacts still open.
 */
@Component
class ContactCards {

	/**
	 * How one medium is offered now: chat {@code open}, {@code line} (open, nobody free to take it yet) or
	 * {@code closed}; the others {@code unavailable} (not from the portal yet), {@code unavailable-closed} (and
	 * closed now).
	 */
	record MediumOffer(Medium medium, String state, String opensAt) {

		public boolean startable() {
			return medium == Medium.CHAT && !state.equals("closed");
		}
	}

	record ProductChoice(String id, String name, String queue) {
	}

	record QueueChoice(String key, String name, boolean open, String opensAt) {
	}

	record OpenContact(String id, String queueName, String state, int position) {
	}

	record Card(List<MediumOffer> media, List<ProductChoice> ownProducts, List<ProductChoice> interestProducts,
			List<QueueChoice> queues, String suggested, List<OpenContact> open) {

		public boolean chatStartable() {
			return media.stream().anyMatch(MediumOffer::startable);
		}

		/** The queue the rule picks for the product (by id; none or unknown: no product). */
		public String suggestedFor(String product) {
			return java.util.stream.Stream.concat(ownProducts.stream(), interestProducts.stream())
				.filter(p -> p.id().equals(product)).map(ProductChoice::queue).findFirst().orElse(suggested);
		}

		/** When chat next opens, if it is closed now. */
		public String chatOpensAt() {
			return media.stream().filter(m -> m.medium() == Medium.CHAT).map(MediumOffer::opensAt)
				.filter(java.util.Objects::nonNull).findFirst().orElse(null);
		}
	}

	private static final int ORDERS_READ = 50;

	private final Interactions interactions;
	private final QueueManagement queues;
	private final Orders orders;
	private final Catalog catalog;
	private final CustomerManagement customers;

	ContactCards(Interactions interactions, QueueManagement queues, Orders orders, Catalog catalog,
			CustomerManagement customers) {
		this.interactions = interactions;
		this.queues = queues;
		this.orders = orders;
		this.catalog = catalog;
		this.customers = customers;
	}

	Card card(CustomerId customer, QueueStatus center, ZoneId zone, Locale locale) {
		Instant now = Instant.now();
		List<QueueChoice> chatQueues = new ArrayList<>();
		ZonedDateTime firstOpening = null;
		for (Queue q : queues.queues()) {
			if (q.serves(Medium.CHAT)) {
				boolean open = queues.isOpen(q, now);
				var opens = open ? Optional.<ZonedDateTime>empty() : queues.nextOpening(q, now);
				chatQueues.add(new QueueChoice(q.key(), q.name(), open, opens.map(at -> format(at, zone, locale))
					.orElse(null)));
				if (opens.isPresent() && (firstOpening == null || opens.get().isBefore(firstOpening))) {
					firstOpening = opens.get();
				}
			}
		}
		Function<Product, Optional<Queue>> rule = interactions.suggester(customer, Medium.CHAT);
		var own = ownProducts(customer);
		var ofInterest = interestProducts(customer, own);
		String chatOpens = firstOpening == null ? null : format(firstOpening, zone, locale);
		return new Card(media(center, chatQueues, chatOpens), choices(own, rule), choices(ofInterest, rule), chatQueues,
				rule.apply(null).map(Queue::key).orElse(null), open(customer));
	}

	private List<MediumOffer> media(QueueStatus center, List<QueueChoice> chatQueues, String chatOpens) {
		List<MediumOffer> media = new ArrayList<>();
		for (Medium m : Medium.values()) {
			boolean openAtCenter = center.mediaOpen().contains(m);
			if (m != Medium.CHAT) {
				media.add(new MediumOffer(m, openAtCenter ? "unavailable" : "unavailable-closed", null));
			}
			else if (openAtCenter) {
				media.add(new MediumOffer(m, "open", null));
			}
			else if (chatQueues.stream().anyMatch(QueueChoice::open)) {
				media.add(new MediumOffer(m, "line", null));
			}
			else {
				media.add(new MediumOffer(m, "closed", chatOpens));
			}
		}
		return media;
	}

	static String format(ZonedDateTime at, ZoneId zone, Locale locale) {
		return DateTimeFormatter.ofPattern("EEE HH:mm", locale).format(at.withZoneSameInstant(zone));
	}

	/** The products of the customer's recent orders, newest first, once each. */
	private List<Product> ownProducts(CustomerId customer) {
		Map<ProductId, Boolean> ids = new LinkedHashMap<>();
		orders.list(customer, null, 0, ORDERS_READ).items().forEach(o -> o.items().stream()
			.map(OrderItem::productId).forEach(id -> ids.putIfAbsent(id, true)));
		var found = catalog.byIds(ids.keySet());
		return ids.keySet().stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The active products of the categories the customer is interested in, not listed already, by name. */
	private List<Product> interestProducts(CustomerId customer, List<Product> already) {
		var listed = already.stream().map(Product::id).toList();
		return customers.profile(customer).interests().interests().stream()
			.map(i -> i.categoryKey())
			.filter(k -> k != null && catalog.categoryExists(k))
			.distinct()
			.flatMap(k -> catalog.products(k).stream())
			.filter(p -> p.active() && !listed.contains(p.id()))
			.sorted(Comparator.comparing(Product::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	private static List<ProductChoice> choices(List<Product> products, Function<Product, Optional<Queue>> rule) {
		return products.stream().map(p -> new ProductChoice(p.id().value().toString(), p.name(),
				rule.apply(p).map(Queue::key).orElse(null))).toList();
	}

	private List<OpenContact> open(CustomerId customer) {
		return interactions.mine(customer).stream()
			.filter(s -> !s.interaction().state().isFinal() && s.interaction().state() != InteractionState.WRAP_UP)
			.map(s -> new OpenContact(s.interaction().id().toString(),
					queues.find(s.interaction().queue()).map(Queue::name).orElse(s.interaction().queue()),
					s.interaction().state().token(), s.position()))
			.toList();
	}
}
