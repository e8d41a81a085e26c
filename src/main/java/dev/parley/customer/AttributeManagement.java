package dev.parley.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.ConflictException;
import dev.parley.common.NotFoundException;
import dev.parley.customer.internal.AttributeStore;
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditChange;
import dev.parley.identity.AuditLog;

/**
 * Administrators define the custom attributes customers fill in on their profile. Deleting a definition
 * deletes every customer's value of it. Every change is audited.
 */
@Service
public class AttributeManagement {

	private final AttributeStore store;
	private final AuditLog audit;
	private final Clock clock;

	AttributeManagement(AttributeStore store, AuditLog audit, Optional<Clock> clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public List<AttributeDefinition> list() {
		return store.all();
	}

	public AttributeDefinition get(String key) {
		return store.find(key).orElseThrow(() -> new NotFoundException("attribute"));
	}

	@Transactional
	public AttributeDefinition add(AccountId actor, AttributeDefinition definition) {
		var valid = AttributeRules.validate(definition);
		if (store.find(valid.key()).isPresent()) {
			throw new ConflictException("attribute-exists", "an attribute with this key exists already");
		}
		store.insert(valid, Instant.now(clock));
		audit.record(AuditChange.of(actor, null, "attribute-definition", valid.key(), "create")
			.field("definition", null, describe(valid)));
		return valid;
	}

	/** Changes label, type, required flag, length and options; the key stays. */
	@Transactional
	public AttributeDefinition update(AccountId actor, String key, AttributeDefinition definition) {
		var current = get(key);
		var valid = AttributeRules.validate(new AttributeDefinition(key, definition.label(), definition.type(),
				definition.required(), definition.maxLength(), definition.options()));
		store.update(valid);
		audit.record(AuditChange.of(actor, null, "attribute-definition", key, "update")
			.field("definition", describe(current), describe(valid)));
		return valid;
	}

	@Transactional
	public void delete(AccountId actor, String key) {
		var current = get(key);
		store.delete(key);
		audit.record(AuditChange.of(actor, null, "attribute-definition", key, "delete")
			.field("definition", describe(current), null));
	}

	private static String describe(AttributeDefinition d) {
		return d.label() + " (" + d.type() + (d.required() ? ", required" : "")
				+ (d.maxLength() == null ? "" : ", max " + d.maxLength())
				+ (d.options().isEmpty() ? "" : ": " + String.join(" | ", d.options())) + ")";
	}
}
