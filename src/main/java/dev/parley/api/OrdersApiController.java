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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in customer's orders: list, read, cancel, change the delivery address, changes, owned products. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Orders", description = "The customer's own orders; cancel or redirect one until it ships.")
class OrdersApiController {

	private static final String ORDER_ID = "The order's id (not its number). Anything that is not an id of the "
			+ "caller's orders answers 404.";

	private static final String ORDER_EXAMPLE = "764df825-dce3-47a6-a31b-9613bd55e61c";

	private static final String ORDER_NOT_FOUND = "No such order of the caller: an unknown id and another "
			+ "customer's order answer exactly the same.";

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
	@Operation(operationId = "listMyOrders", summary = "List your orders", description = """
			The caller's orders, newest first, each with its items, delivery address, status timeline, \
			whether it can still be cancelled or redirected, and its `version`. Optionally only those of one \
			`status`; paged by `page` and `size`. Money is in minor units (cents) of `currency`; times are UTC. \
			Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "One page of orders.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "page", summary = "a shipped order",
					value = ApiExamples.ORDERS_PAGE)))
	@ProblemAnswers(invalid = "`status` is not one of placed, paid, shipped, delivered, cancelled, returned, "
			+ "`page` is negative or `size` is outside 1 to 200.")
	PageResult<OrderView> list(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "Only orders in this status: placed, paid, shipped, delivered, cancelled or "
					+ "returned (any case). Absent: all.", example = "shipped")
			@RequestParam(required = false) String status,
			@Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Orders per page, 1 to 200.") @RequestParam(defaultValue = "20") int size) {
		return orders.list(user.customerId(), OrderStatus.parse(status, "status"), page, size).map(OrderView::of);
	}

	@GetMapping("/orders/{id}")
	@Operation(operationId = "getMyOrder", summary = "Read one of your orders", description = """
			One order of the caller: items, totals, delivery address, the status timeline (with carrier and \
			tracking number once shipped, who cancelled and why), whether it can still be cancelled or its \
			address changed, and the `version` to send with such a change. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The order.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "order", summary = "a paid order",
					value = ApiExamples.ORDER)))
	@ProblemAnswers(notFound = ORDER_NOT_FOUND, subject = "order")
	OrderView read(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ORDER_ID, example = ORDER_EXAMPLE) @PathVariable String id) {
		return OrderView.of(orders.get(user.customerId(), OrderId.parse(id)));
	}

	@PostMapping("/orders/{id}/cancel")
	@Operation(operationId = "cancelMyOrder", summary = "Cancel one of your orders", description = """
			Cancels an order that has not shipped yet (status placed or paid), with an optional `reason` \
			(at most 500 characters) and the order's `version`. The status change and the reason are written \
			to the audit trail in the same transaction; agents see them. Answers the order as saved.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "cancel", summary = "with a reason",
							value = ApiExamples.CANCEL))))
	@ApiResponse(responseCode = "200", description = "The cancelled order.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "cancelled", summary = "cancelled",
					value = ApiExamples.ORDER_CANCELLED)))
	@ProblemAnswers(notFound = ORDER_NOT_FOUND, subject = "order",
			conflicts = { ProblemAnswers.Conflict.STALE, ProblemAnswers.Conflict.STATE })
	OrderView cancel(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ORDER_ID, example = ORDER_EXAMPLE) @PathVariable String id,
			@RequestBody CancelRequest request) {
		return OrderView.of(orders.cancel(user.customerId(), OrderId.parse(id), request.reason(), request.version()));
	}

	@PutMapping("/orders/{id}/delivery-address")
	@Operation(operationId = "changeMyOrderAddress", summary = "Change the delivery address of an order",
			description = """
					Replaces the delivery address of an order that has not shipped yet: `recipient`, \
					`line1`, `postalCode`, `city` and `country` (ISO 3166-1 alpha-2) are required, `line2` \
					and `region` optional; with the order's `version`. Invalid fields are named as \
					`deliveryAddress.<field>`. Each changed field is written to the audit trail in the same \
					transaction; an identical address changes nothing. Answers the order as saved.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "address", summary = "a new address",
							value = ApiExamples.ADDRESS))))
	@ApiResponse(responseCode = "200", description = "The order with its new address.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "order", summary = "the order",
					value = ApiExamples.ORDER)))
	@ProblemAnswers(notFound = ORDER_NOT_FOUND, subject = "order",
			conflicts = { ProblemAnswers.Conflict.STALE, ProblemAnswers.Conflict.STATE })
	OrderView changeAddress(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ORDER_ID, example = ORDER_EXAMPLE) @PathVariable String id,
			@RequestBody AddressRequest request) {
		return OrderView.of(orders.changeAddress(user.customerId(), OrderId.parse(id), request.address(), request.version()));
	}

	@GetMapping("/orders/{id}/changes")
	@Operation(operationId = "listMyOrderChanges", summary = "List the changes made to one of your orders",
			description = """
					The audit entries of one of the caller's orders, newest first: who changed what and \
					when, with the old and the new value (a cancellation, its reason, each changed address \
					field). Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The order's changes.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "changes", summary = "a cancellation",
					value = ApiExamples.ORDER_CHANGES)))
	@ProblemAnswers(notFound = ORDER_NOT_FOUND, subject = "order")
	List<ChangeView> changes(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ORDER_ID, example = ORDER_EXAMPLE) @PathVariable String id) {
		return orders.changes(user.customerId(), OrderId.parse(id)).stream()
			.map(e -> new ChangeView(e.id(), e.occurredAt(), e.actorName(), e.action(), e.field(), e.oldValue(),
					e.newValue()))
			.toList();
	}

	@GetMapping("/products/owned")
	@Operation(operationId = "listMyOwnedProducts", summary = "List the products you own", description = """
			The products in the caller's delivered orders that were not returned, one entry per product \
			with the quantity and when it was last delivered. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The products owned.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "owned", summary = "one product",
					value = ApiExamples.OWNED)))
	List<OwnedView> owned(@AuthenticationPrincipal ParleyUser user) {
		return orders.productsOwnedBy(user.customerId()).stream()
			.map(p -> new OwnedView(p.productId().value(), p.productName(), p.quantity(), p.lastDeliveredAt()))
			.toList();
	}
}
