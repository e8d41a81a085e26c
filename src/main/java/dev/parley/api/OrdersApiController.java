package dev.parley.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.common.PageResult;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;

/** The signed-in customer's orders: list, read, cancel, change the delivery address, changes, owned products. */
@RestController
@RequestMapping("/api/v1/me")
class OrdersApiController {

	private final Orders orders;

	OrdersApiController(Orders orders) {
		this.orders = orders;
	}

	record CancelRequest(String reason, Long version) {
	}

	record AddressRequest(String recipient, String line1, String line2, String postalCode, String city, String region,
			String country, Long version) {
		DeliveryAddress address() {
			return new DeliveryAddress(recipient, line1, line2, postalCode, city, region, country);
		}
	}

	record ChangeView(UUID id, Instant occurredAt, String actorName, String action, String field, String oldValue,
			String newValue) {
	}

	record OwnedView(UUID productId, String productName, int quantity, Instant lastDeliveredAt) {
	}

	@GetMapping("/orders")
	PageResult<OrderView> list(@AuthenticationPrincipal ParleyUser user,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return orders.list(user.customerId(), OrderStatus.parse(status, "status"), page, size).map(OrderView::of);
	}

	@GetMapping("/orders/{id}")
	OrderView read(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		return OrderView.of(orders.get(user.customerId(), OrderId.parse(id)));
	}

	@PostMapping("/orders/{id}/cancel")
	OrderView cancel(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody CancelRequest request) {
		return OrderView.of(orders.cancel(user.customerId(), OrderId.parse(id), request.reason(), request.version()));
	}

	@PutMapping("/orders/{id}/delivery-address")
	OrderView changeAddress(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody AddressRequest request) {
		return OrderView.of(orders.changeAddress(user.customerId(), OrderId.parse(id), request.address(), request.version()));
	}

	@GetMapping("/orders/{id}/changes")
	List<ChangeView> changes(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		return orders.changes(user.customerId(), OrderId.parse(id)).stream()
			.map(e -> new ChangeView(e.id(), e.occurredAt(), e.actorName(), e.action(), e.field(), e.oldValue(),
					e.newValue()))
			.toList();
	}

	@GetMapping("/products/owned")
	List<OwnedView> owned(@AuthenticationPrincipal ParleyUser user) {
		return orders.productsOwnedBy(user.customerId()).stream()
			.map(p -> new OwnedView(p.productId().value(), p.productName(), p.quantity(), p.lastDeliveredAt()))
			.toList();
	}
}
