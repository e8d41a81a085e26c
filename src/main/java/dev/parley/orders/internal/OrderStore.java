package dev.parley.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.common.PageResult;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.Order;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderItem;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.OwnedProduct;
import dev.parley.orders.StatusChange;

/** The orders, order_items and order_status_changes tables. */
@Repository
public class OrderStore {

	private static final String PREFIX = "PO-";

	private final JdbcClient jdbc;

	OrderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new order and returns it with its assigned number. */
	public Order insert(Order o) {
		var a = o.address();
		jdbc.sql("""
				INSERT INTO orders (id, customer_id, status, placed_at, recipient, line1, line2, postal_code, city,
				region, country, lock_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id().value(), o.customerId().value(), o.status().name(), ts(o.placedAt()), a.recipient(), a.line1(),
					a.line2(), a.postalCode(), a.city(), a.region(), a.country(), o.version())
			.update();
		for (int i = 0; i < o.items().size(); i++) {
			var item = o.items().get(i);
			jdbc.sql("""
					INSERT INTO order_items (order_id, position, product_id, product_name, quantity, unit_price_cents,
					currency) VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(o.id().value(), i, item.productId().value(), item.productName(), item.quantity(),
						item.unitPriceCents(), item.currency())
				.update();
		}
		insertSteps(o, 0);
		long no = jdbc.sql("SELECT order_no FROM orders WHERE id = ?").param(o.id().value()).query(Long.class).single();
		return o.withNumber(PREFIX + no);
	}

	/** Saves a changed order if nobody saved another change since {@code before}; false when stale. */
	public boolean update(Order before, Order after) {
		var a = after.address();
		int rows = jdbc.sql("""
				UPDATE orders SET status = ?, recipient = ?, line1 = ?, line2 = ?, postal_code = ?, city = ?,
				region = ?, country = ?, lock_version = lock_version + 1 WHERE id = ? AND lock_version = ?""")
			.params(after.status().name(), a.recipient(), a.line1(), a.line2(), a.postalCode(), a.city(), a.region(),
					a.country(), after.id().value(), before.version())
			.update();
		if (rows == 1) {
			insertSteps(after, before.timeline().size());
		}
		return rows == 1;
	}

	public Optional<Order> find(OrderId id) {
		return jdbc.sql("SELECT * FROM orders WHERE id = ?").param(id.value()).query((rs, n) -> order(rs)).optional()
			.map(this::withDetails);
	}

	/** A customer's orders, newest first, optionally of one status. */
	public PageResult<Order> page(CustomerId customerId, OrderStatus status, int page, int size) {
		String where = " WHERE customer_id = ?" + (status == null ? "" : " AND status = ?");
		List<Object> params = new ArrayList<>(List.of(customerId.value()));
		if (status != null) {
			params.add(status.name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM orders" + where).params(params).query(Long.class).single();
		var pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		var items = jdbc.sql("SELECT * FROM orders" + where + " ORDER BY placed_at DESC, order_no DESC LIMIT ? OFFSET ?")
			.params(pageParams).query((rs, n) -> order(rs)).list();
		return new PageResult<>(items.stream().map(this::withDetails).toList(), page, size, total);
	}

	/** Items of the customer's delivered (not returned) orders, summed per product, latest delivery first. */
	public List<OwnedProduct> ownedBy(CustomerId customerId) {
		return jdbc.sql("""
				SELECT i.product_id, MAX(i.product_name) AS product_name, SUM(i.quantity) AS quantity,
				MAX(s.occurred_at) AS delivered_at
				FROM order_items i JOIN orders o ON o.id = i.order_id
				JOIN order_status_changes s ON s.order_id = o.id AND s.status = 'DELIVERED'
				WHERE o.customer_id = ? AND o.status = 'DELIVERED'
				GROUP BY i.product_id ORDER BY delivered_at DESC, product_name""")
			.param(customerId.value())
			.query((rs, n) -> new OwnedProduct(new ProductId(rs.getObject("product_id", UUID.class)),
					rs.getString("product_name"), rs.getInt("quantity"), rs.getTimestamp("delivered_at").toInstant()))
			.list();
	}

	private void insertSteps(Order o, int from) {
		for (int i = from; i < o.timeline().size(); i++) {
			var s = o.timeline().get(i);
			jdbc.sql("""
					INSERT INTO order_status_changes (order_id, position, status, occurred_at, carrier, tracking_number,
					actor_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(o.id().value(), i, s.status().name(), ts(s.at()), s.carrier(), s.trackingNumber(), s.by(),
						s.reason())
				.update();
		}
	}

	private Order withDetails(Order o) {
		var items = jdbc.sql("SELECT * FROM order_items WHERE order_id = ? ORDER BY position").param(o.id().value())
			.query((rs, n) -> new OrderItem(new ProductId(rs.getObject("product_id", UUID.class)),
					rs.getString("product_name"), rs.getInt("quantity"), rs.getLong("unit_price_cents"),
					rs.getString("currency")))
			.list();
		var steps = jdbc.sql("SELECT * FROM order_status_changes WHERE order_id = ? ORDER BY position")
			.param(o.id().value())
			.query((rs, n) -> new StatusChange(OrderStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("carrier"), rs.getString("tracking_number"),
					rs.getObject("actor_id", UUID.class), rs.getString("reason")))
			.list();
		return new Order(o.id(), o.number(), o.customerId(), items, o.address(), o.status(), steps, o.version());
	}

	private static Order order(ResultSet rs) throws SQLException {
		var address = new DeliveryAddress(rs.getString("recipient"), rs.getString("line1"), rs.getString("line2"),
				rs.getString("postal_code"), rs.getString("city"), rs.getString("region"), rs.getString("country"));
		return new Order(new OrderId(rs.getObject("id", UUID.class)), PREFIX + rs.getLong("order_no"),
				new CustomerId(rs.getObject("customer_id", UUID.class)), List.of(), address, OrderStatus.valueOf(rs.getString("status")),
				List.of(), rs.getLong("lock_version"));
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}
}
