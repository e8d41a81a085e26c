package dev.parley.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.common.Violations;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Interest;
import dev.parley.customer.InterestLevel;
import dev.parley.routing.internal.InteractionSteps;
import dev.parley.routing.internal.InteractionStore;
import dev.parley.routing.internal.RoutingBoard;

/**
 * The customer's side of the broker: start a contact (the queue picked from the product, else the customer's
 * interests, else the default, open ones first; or the customer's own choice), see where it stands and the place
 * in the queue, and leave.
 */
@Service
public class Interactions {

	/** A customer has at most this many contacts open at once. */
	public static final int MAX_OPEN = 3;
	public static final int MAX_TOPIC = 200;

	/** An interaction as its customer sees it, with the place in the queue while it waits (0 otherwise). */
	public record Seen(Interaction interaction, int position) {
	}

	private final InteractionSteps steps;
	private final InteractionStore store;
	private final RoutingBoard board;
	private final QueueManagement queues;
	private final Catalog catalog;
	private final CustomerManagement customers;
	private final AgentManagement agents;
	private final AgentStates states;

	Interactions(InteractionSteps steps, InteractionStore store, RoutingBoard board, QueueManagement queues,
			Catalog catalog, CustomerManagement customers, AgentManagement agents, AgentStates states) {
		this.steps = steps;
		this.store = store;
		this.board = board;
		this.queues = queues;
		this.catalog = catalog;
		this.customers = customers;
		this.agents = agents;
		this.states = states;
	}

	/**
	 * Starts a contact already connected to a named agent, without a queue (an accepted invitation): in a queue of
	 * the agent's group that takes the medium, only while the agent is signed in and has room for it (their
	 * capacity for the medium; a call or video is theirs alone). Joins the caller's transaction, so the decision
	 * that led here (an invitation answered) and the interaction commit together or not at all.
	 */
	@Transactional
	public Interaction startConnected(CustomerId customer, AgentId agent, Medium medium, ProductId product,
			String topic) {
		Agent who = agents.agent(agent);
		Queue queue = queues.queues().stream().filter(q -> q.groupKey().equals(who.groupKey()) && q.serves(medium))
			.findFirst()
			.orElseThrow(() -> new RefusedException(RefusedException.Kind.CANNOT_SERVE, "medium-unavailable",
					"No queue of the agent's group takes " + medium.name().toLowerCase() + " contacts"));
		if (!states.status(agent).state().isLoggedIn() || !hasRoom(who, medium)) {
			throw new RefusedException(RefusedException.Kind.CANNOT_SERVE, "agent-unavailable",
					"The agent is not signed in or has no room for another " + medium.name().toLowerCase()
							+ " contact now");
		}
		if (store.countOpen(customer) >= MAX_OPEN) {
			throw new ConflictException("too-many-open",
					"You have " + MAX_OPEN + " contacts open already; leave one before starting another");
		}
		Instant now = steps.now();
		String text = topic == null || topic.isBlank() ? null : topic.strip();
		var interaction = new Interaction(InteractionId.random(), customer, medium, queue.key(), product,
				text == null || text.length() <= MAX_TOPIC ? text : text.substring(0, MAX_TOPIC), 0,
				InteractionState.CONNECTED, agent, null, null, null, null, null, now, now, store.nextEnqueueSeq(), now,
				null, null, null, null, null, 0);
		return steps.createConnected(interaction);
	}

	private boolean hasRoom(Agent agent, Medium medium) {
		List<Interaction> handled = store.handledBy(agent.id()).stream()
			.filter(i -> i.state() == InteractionState.CONNECTED).toList();
		boolean exclusive = handled.stream().anyMatch(i -> i.medium() == Medium.VOICE || i.medium() == Medium.VIDEO);
		boolean wantsExclusive = medium == Medium.VOICE || medium == Medium.VIDEO;
		long same = handled.stream().filter(i -> i.medium() == medium).count();
		return !exclusive && !(wantsExclusive && !handled.isEmpty()) && same < agent.capacity(medium);
	}

	/** Starts a contact: checked, queued and persisted before it is answered. */
	public Seen start(CustomerId customer, NewContact contact) {
		var v = new Violations();
		v.check(contact == null || contact.medium() == null, "medium", "required",
				"must be one of CHAT, VOICE, EMAIL, VIDEO");
		Optional<Product> product = contact == null || contact.product() == null ? Optional.empty()
				: catalog.find(contact.product());
		v.check(contact != null && contact.product() != null && product.isEmpty(), "product", "unknown",
				"is not a product of the catalog");
		String topic = contact == null || contact.topic() == null || contact.topic().isBlank() ? null
				: contact.topic().strip();
		v.text(topic, MAX_TOPIC, "topic");
		Optional<Queue> chosen = contact == null || contact.queue() == null || contact.queue().isBlank()
				? Optional.empty() : queues.find(contact.queue());
		v.check(contact != null && contact.queue() != null && !contact.queue().isBlank() && chosen.isEmpty(), "queue",
				"unknown", "is not a queue");
		v.throwIfAny();
		Medium medium = contact.medium();
		Queue queue = chosen.orElseGet(() -> pick(customer, product.orElse(null), medium));
		if (!queue.serves(medium)) {
			throw new RefusedException(RefusedException.Kind.CANNOT_SERVE, "medium-not-served",
					"The queue " + queue.name() + " does not take " + medium.name().toLowerCase() + " contacts");
		}
		Instant now = steps.now();
		if (!queues.isOpen(queue, now)) {
			throw new RefusedException(RefusedException.Kind.CANNOT_SERVE, "queue-closed",
					"The queue " + queue.name() + " is closed now" + queues.nextOpening(queue, now)
						.map(at -> "; it opens at " + at).orElse(""));
		}
		if (store.countOpen(customer) >= MAX_OPEN) {
			throw new ConflictException("too-many-open",
					"You have " + MAX_OPEN + " contacts open already; leave one before starting another");
		}
		var interaction = new Interaction(InteractionId.random(), customer, medium, queue.key(),
				product.map(Product::id).orElse(null), topic, 0, InteractionState.QUEUED, null, null, null, null, null,
				null, now, now, store.nextEnqueueSeq(), null, null, null, null, null, null, 0);
		steps.create(interaction);
		return new Seen(interaction, Math.max(1, board.position(interaction.id())));
	}

	/**
	 * The queue a contact of the customer about the product (or none) on the medium goes to when they do not choose
	 * one ({@link QueuePick}: the product's category, else their interests, else the default; open ones first); empty
	 * when there is no queue at all. What the portal shows pre-picked, and what {@link #start} uses.
	 */
	public Optional<Queue> suggest(CustomerId customer, Product product, Medium medium) {
		return suggester(customer, medium).apply(product);
	}

	/**
	 * {@link #suggest} for one customer and medium with the customer's interests, the queues and which are open read
	 * once, for a page that shows the queue for each of many products (null: no product).
	 */
	public Function<Product, Optional<Queue>> suggester(CustomerId customer, Medium medium) {
		var interests = customers.profile(customer).interests().interests().stream()
			.filter(i -> i.categoryKey() != null)
			.sorted(Comparator.comparing(Interest::level, Comparator.comparingInt(InterestLevel::ordinal).reversed()))
			.map(Interest::categoryKey)
			.toList();
		Instant now = steps.now();
		List<Queue> all = queues.queues();
		Set<String> open = all.stream().filter(q -> queues.isOpen(q, now)).map(Queue::key).collect(Collectors.toSet());
		return product -> QueuePick.pick(all, product == null ? null : product.categoryKey(), interests, medium,
				q -> open.contains(q.key()));
	}

	private Queue pick(CustomerId customer, Product product, Medium medium) {
		return suggest(customer, product, medium).orElseThrow(() -> new RefusedException(
				RefusedException.Kind.CANNOT_SERVE, "no-queue", "No queue takes contacts now"));
	}

	/** The customer's interactions, newest first. */
	public List<Seen> mine(CustomerId customer) {
		return store.ofCustomer(customer, 50).stream().map(this::seen).toList();
	}

	/** One of the customer's interactions; another customer's answers as unknown. */
	public Seen get(CustomerId customer, InteractionId id) {
		return seen(own(customer, id));
	}

	/**
	 * The customer leaves: a waiting contact is abandoned, a connected one ends (its agent wraps up). Leaving one
	 * that is over already changes nothing.
	 */
	public Seen leave(CustomerId customer, InteractionId id) {
		Interaction i = own(customer, id);
		switch (i.state()) {
			case QUEUED, OFFERED -> {
				if (!steps.abandon(i, customer)) {
					return leave(customer, id); // it moved on meanwhile (an agent took it): leave what it is now
				}
			}
			case CONNECTED -> {
				Queue queue = queues.find(i.queue()).orElseThrow();
				if (!steps.end(i, null, queue)) {
					return leave(customer, id);
				}
			}
			default -> {
				// wrap-up, closed, abandoned: the conversation is over already
			}
		}
		return get(customer, id);
	}

	/** The contacts waiting in a queue with their places, as this node sees them. */
	public List<Seen> waiting(String queue) {
		return board.placements(queue).stream().map(p -> new Seen(p.interaction(), p.position())).toList();
	}

	/** A queue's figures per medium it serves (contacts waiting, agents by state), as this node sees them. */
	public List<QueueFigures> figures(String queue) {
		return board.figures(queue);
	}

	/** The place of a waiting contact in its line (1 is next), 0 when it does not wait. */
	public int position(InteractionId id) {
		return board.position(id);
	}

	/**
	 * How long the contacts of a queue that were answered in {@code [from, to)} had waited (seconds, from the contact's
	 * start to its first connection), read from the table, so every node sees every contact.
	 */
	public List<Double> answeredWaits(String queue, java.time.Instant from, java.time.Instant to) {
		return store.answeredWaits(queue, from, to);
	}

	/**
	 * How long the agent's last {@code limit} closed contacts of the medium took, from connection to close (talk and
	 * wrap-up), newest first, read from the table.
	 */
	public List<java.time.Duration> handleTimes(AgentId agent, Medium medium, int limit) {
		return store.handleTimes(agent, null, medium, limit);
	}

	/** The same for the last {@code limit} closed contacts of the medium in a queue, whoever handled them. */
	public List<java.time.Duration> handleTimes(String queue, Medium medium, int limit) {
		return store.handleTimes(null, queue, medium, limit);
	}

	/** Any interaction by id, for modules that check who takes part (chat). */
	public Optional<Interaction> find(InteractionId id) {
		return store.find(id);
	}

	private Interaction own(CustomerId customer, InteractionId id) {
		if (id == null) {
			throw new NotFoundException("interaction");
		}
		return store.find(id).filter(i -> i.isFor(customer)).orElseThrow(() -> new NotFoundException("interaction"));
	}

	private Seen seen(Interaction i) {
		return new Seen(i, i.state() == InteractionState.QUEUED ? Math.max(1, board.position(i.id())) : 0);
	}
}
