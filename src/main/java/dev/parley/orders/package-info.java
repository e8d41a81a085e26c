/**
 * Orders: a customer's orders, their items, delivery address and status timeline. Intent-named
 * transitions (place, pay, ship, deliver, cancel, return, change the delivery address) check the state
 * machine's rules; every change writes an audit entry in the same transaction. Other modules ask
 * {@link dev.parley.orders.Orders#productsOwnedBy(java.util.UUID)} which products a customer owns.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "catalog", "common" })
package dev.parley.orders;
