package dev.parley.api;

/**
 * Example bodies of the OpenAPI document, taken from the demo data. One constant per shape, shared by
 * the operations that send or answer it (an order is the answer of four).
 */
final class ApiExamples {

	private ApiExamples() {
	}

	static final String REGISTRATION = """
			{"username": "dana", "displayName": "Dana Weiss", "email": "dana@example.com",
			 "password": "a long passphrase", "timeZone": "Europe/Berlin"}""";

	static final String REGISTERED = """
			{"id": "3f0c2a8e-5a7b-4e55-9c47-0d2f0c6a1b9e", "username": "dana", "displayName": "Dana Weiss"}""";

	static final String DEMOGRAPHICS = """
			{"name": "Alice Martin", "preferredLanguage": "en", "locale": "en-GB", "timeZone": "Europe/London",
			 "country": "GB", "birthYear": 1973, "attributes": {"company": "Initech", "loyalty_tier": "gold"},
			 "version": 1}""";

	static final String CAPABILITIES = """
			{"capabilities": [
			   {"kind": "EMAIL", "address": "alice@example.com", "enabled": true},
			   {"kind": "PHONE", "address": "+447700900123", "enabled": true},
			   {"kind": "CHAT", "enabled": true}],
			 "preferredMedium": "VOICE", "version": 1}""";

	static final String AGENDA = """
			{"windows": [
			   {"dayOfWeek": "MONDAY", "start": "11:00:00", "end": "14:00:00"},
			   {"dayOfWeek": "THURSDAY", "start": "18:00:00", "end": "20:30:00"}],
			 "exceptions": [
			   {"date": "2026-12-16", "kind": "BUSY", "note": "away"},
			   {"date": "2026-12-18", "start": "13:00:00", "end": "15:00:00", "kind": "FREE", "note": "free afternoon"}],
			 "version": 1}""";

	static final String INTERESTS = """
			{"interests": [
			   {"categoryKey": "home", "level": "LOW"},
			   {"topic": "accessibility", "level": "MEDIUM"}],
			 "contactConsent": true, "version": 1}""";

	static final String ATTRIBUTE_DEFINITION = """
			{"key": "loyalty_tier", "label": "Loyalty tier", "type": "CHOICE", "required": false,
			 "options": ["bronze", "silver", "gold", "platinum"]}""";

	static final String ATTRIBUTE_DEFINITIONS = """
			[{"key": "loyalty_tier", "label": "Loyalty tier", "type": "CHOICE", "required": false,
			  "options": ["bronze", "silver", "gold", "platinum"]},
			 {"key": "company", "label": "Company", "type": "TEXT", "required": false, "maxLength": 80, "options": []}]""";

	static final String SIGN_IN_LOCKS = """
			[{"scope": "ACCOUNT_SOURCE", "username": "alice", "source": "203.0.113.7", "failures": 9,
			  "lastFailureAt": "2025-03-14T09:12:41Z", "lockedUntil": "2025-03-14T09:13:45Z"}]""";

	static final String PROFILE = """
			{"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909",
			 "demographics": {"name": "Alice Martin", "preferredLanguage": "en", "locale": "en-GB",
			   "timeZone": "Europe/London", "country": "GB", "birthYear": 1973,
			   "attributes": {"company": "Initech"}, "version": 1},
			 "capabilities": {"capabilities": [{"kind": "EMAIL", "address": "alice@example.com", "enabled": true}],
			   "preferredMedium": "EMAIL", "version": 1},
			 "agenda": {"windows": [{"dayOfWeek": "MONDAY", "start": "11:00:00", "end": "14:00:00"}],
			   "exceptions": [], "version": 1},
			 "interests": {"interests": [{"topic": "accessibility", "level": "MEDIUM"}], "contactConsent": false,
			   "version": 1},
			 "attributeDefinitions": [{"key": "company", "label": "Company", "type": "TEXT", "required": false,
			   "maxLength": 80, "options": []}]}""";

	static final String INTERACTION = """
			{"id": "86dd04e5-ad07-4610-a477-89206bdba935", "productId": "d81dafcd-ad1c-4aa3-b2a3-fe9366a5d3ca",
			 "productName": "Mobile Plan 20 GB", "agentId": "3481cdb4-035b-418e-8496-c95f440e6ccc",
			 "agentName": "Jonas Berg", "medium": "CHAT", "direction": "INBOUND",
			 "startedAt": "2026-10-17T23:13:00Z", "endedAt": "2026-10-17T23:36:00Z", "outcome": "RESOLVED",
			 "summary": "Set-up help", "transcript": "Customer: My plan shows no data.\\nAgent: Restart once, please.",
			 "rating": 4, "ratingComment": "Solved it in one go.", "ratedAt": "2026-12-04T17:10:43Z", "version": 1}""";

	static final String HISTORY_PAGE = """
			{"items": [{"id": "86dd04e5-ad07-4610-a477-89206bdba935",
			   "productId": "d81dafcd-ad1c-4aa3-b2a3-fe9366a5d3ca", "productName": "Mobile Plan 20 GB",
			   "agentId": "3481cdb4-035b-418e-8496-c95f440e6ccc", "agentName": "Jonas Berg", "medium": "CHAT",
			   "direction": "INBOUND", "startedAt": "2026-10-17T23:13:00Z", "endedAt": "2026-10-17T23:36:00Z",
			   "outcome": "RESOLVED", "summary": "Set-up help", "version": 0}],
			 "page": 0, "size": 20, "total": 1}""";

	static final String HISTORY_GROUPED = """
			{"groups": [{"productId": "d81dafcd-ad1c-4aa3-b2a3-fe9366a5d3ca", "productName": "Mobile Plan 20 GB",
			   "count": 1, "agents": [{"agentId": "3481cdb4-035b-418e-8496-c95f440e6ccc", "agentName": "Jonas Berg",
			     "count": 1, "interactions": [{"id": "86dd04e5-ad07-4610-a477-89206bdba935",
			       "productName": "Mobile Plan 20 GB", "agentName": "Jonas Berg", "medium": "CHAT",
			       "direction": "INBOUND", "startedAt": "2026-10-17T23:13:00Z", "endedAt": "2026-10-17T23:36:00Z",
			       "outcome": "RESOLVED", "summary": "Set-up help", "version": 0}]}]}],
			 "page": 0, "size": 20, "total": 1, "totalPages": 1}""";

	static final String RATING = """
			{"rating": 4, "comment": "Solved it in one go.", "version": 0}""";

	static final String ORDER = """
			{"id": "764df825-dce3-47a6-a31b-9613bd55e61c", "number": "PO-100003", "status": "paid",
			 "placedAt": "2026-12-01T19:59:43Z", "itemCount": 2, "total": 123800, "currency": "EUR",
			 "items": [
			   {"productId": "5d227fc6-1d9d-4751-8c29-594063d2bfc6", "productName": "Studio Laptop 14",
			    "quantity": 1, "unitPrice": 119900, "currency": "EUR", "total": 119900},
			   {"productId": "704c44be-acac-4ca9-9d9b-85e55fb96799", "productName": "Smart Plug (2-pack)",
			    "quantity": 1, "unitPrice": 3900, "currency": "EUR", "total": 3900}],
			 "deliveryAddress": {"recipient": "Alice Martin", "line1": "Ringstraße 4", "postalCode": "1010",
			   "city": "Wien", "country": "AT"},
			 "timeline": [{"status": "placed", "at": "2026-12-01T19:59:43Z"},
			   {"status": "paid", "at": "2026-12-01T20:01:10Z"}],
			 "cancellable": true, "addressChangeable": true, "version": 1}""";

	static final String ORDER_CANCELLED = """
			{"id": "764df825-dce3-47a6-a31b-9613bd55e61c", "number": "PO-100003", "status": "cancelled",
			 "placedAt": "2026-12-01T19:59:43Z", "itemCount": 1, "total": 119900, "currency": "EUR",
			 "items": [{"productId": "5d227fc6-1d9d-4751-8c29-594063d2bfc6", "productName": "Studio Laptop 14",
			   "quantity": 1, "unitPrice": 119900, "currency": "EUR", "total": 119900}],
			 "deliveryAddress": {"recipient": "Alice Martin", "line1": "Ringstraße 4", "postalCode": "1010",
			   "city": "Wien", "country": "AT"},
			 "timeline": [{"status": "placed", "at": "2026-12-01T19:59:43Z"},
			   {"status": "cancelled", "at": "2026-12-02T08:00:00Z", "by": "8ebcd92a-486a-4d5e-9af9-1883a912d909",
			    "reason": "Ordered twice by mistake"}],
			 "cancellable": false, "addressChangeable": false, "version": 2}""";

	static final String ORDERS_PAGE = """
			{"items": [{"id": "53aa95bc-1653-4658-aa43-60dba79a55ba", "number": "PO-100002", "status": "shipped",
			   "placedAt": "2026-12-01T08:56:43Z", "itemCount": 1, "total": 39900, "currency": "EUR",
			   "items": [{"productId": "faf2eb6f-1c4e-441a-be1e-146a346f3782", "productName": "Rugged X",
			     "quantity": 1, "unitPrice": 39900, "currency": "EUR", "total": 39900}],
			   "deliveryAddress": {"recipient": "Alice Martin", "line1": "Ringstraße 4", "postalCode": "1010",
			     "city": "Wien", "country": "AT"},
			   "timeline": [{"status": "placed", "at": "2026-12-01T08:56:43Z"},
			     {"status": "paid", "at": "2026-12-01T09:06:43Z"},
			     {"status": "shipped", "at": "2026-12-02T10:00:00Z", "carrier": "DHL", "trackingNumber": "JD014600003"}],
			   "cancellable": false, "addressChangeable": false, "version": 2}],
			 "page": 0, "size": 20, "total": 1}""";

	static final String CANCEL = """
			{"reason": "Ordered twice by mistake", "version": 1}""";

	static final String ADDRESS = """
			{"recipient": "Alice Martin", "line1": "Mariahilfer Straße 12", "line2": "Top 4", "postalCode": "1070",
			 "city": "Wien", "country": "AT", "version": 1}""";

	static final String ORDER_CHANGES = """
			[{"id": "c48d3f0b-8bbe-4d4d-944f-32b36b88aa62", "occurredAt": "2026-12-02T08:00:00Z",
			  "actorName": "Alice Martin", "action": "cancel", "field": "status", "oldValue": "PAID",
			  "newValue": "CANCELLED"},
			 {"id": "d6ffc0ca-7d90-40b6-b1bf-3dfa2fed07ae", "occurredAt": "2026-12-02T08:00:00Z",
			  "actorName": "Alice Martin", "action": "cancel", "field": "reason", "newValue": "Ordered twice by mistake"}]""";

	static final String OWNED = """
			[{"productId": "2580c59d-186f-4629-855d-4e7001d11401", "productName": "Fibre 500", "quantity": 1,
			  "lastDeliveredAt": "2026-10-12T19:32:43Z"}]""";

	static final String CATEGORIES = """
			[{"key": "phones", "name": "Phones", "description": "Smartphones and feature phones", "sortOrder": 0},
			 {"key": "services", "name": "Services and plans",
			  "description": "Mobile plans, protection and installation", "sortOrder": 5}]""";

	static final String PRODUCT = """
			{"id": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc", "sku": "PH-100", "name": "Aurora 5G", "category": "phones",
			 "description": "A 6.1-inch 5G smartphone with a two-day battery.", "priceCents": 49900, "currency": "EUR",
			 "specifications": [{"name": "Display", "value": "6.1 in OLED"}, {"name": "Storage", "value": "128 GB"}],
			 "documents": [{"title": "User manual", "url": "https://docs.example.com/parley-demo/PH-100/manual"}]}""";

	static final String PRODUCTS = "[" + PRODUCT + "]";

	static final String GROUP = """
			{"key": "sales", "name": "Sales", "description": "Advice before you buy, offers and orders.",
			 "media": ["CHAT", "VOICE", "EMAIL"], "timeZone": "Europe/Berlin",
			 "hours": [{"dayOfWeek": "MONDAY", "open": "09:00:00", "close": "18:00:00"},
			   {"dayOfWeek": "SATURDAY", "open": "10:00:00", "close": "14:00:00"}],
			 "closures": [{"date": "2026-12-25", "note": "Christmas Day"}], "openNow": true, "version": 3}""";

	static final String GROUPS = "[" + GROUP + "]";

	static final String OPENING_HOURS = """
			{"timeZone": "Europe/Berlin",
			 "hours": [{"dayOfWeek": "MONDAY", "open": "09:00", "close": "18:00"},
			   {"dayOfWeek": "SATURDAY", "open": "10:00", "close": "14:00"}],
			 "closures": [{"date": "2026-12-25", "note": "Christmas Day"}], "version": 2}""";

	static final String HIRE = """
			{"username": "agent11", "password": "a long passphrase", "displayName": "Mina Park", "groupKey": "sales",
			 "skills": [{"key": "phones", "level": 4}, {"key": "lang:de", "level": 5}], "media": ["CHAT", "VOICE"]}""";

	static final String AGENT = """
			{"id": "5b1e7c1a-2f0d-4a8e-9f63-2d54b7d2c0aa", "displayName": "Mina Park", "groupKey": "sales",
			 "skills": [{"key": "phones", "level": 4}, {"key": "lang:de", "level": 5}], "media": ["CHAT", "VOICE"]}""";

	static final String AUDIT_PAGE = """
			{"items": [{"id": "c48d3f0b-8bbe-4d4d-944f-32b36b88aa62", "occurredAt": "2026-12-04T17:10:43Z",
			   "actorId": "ab78f2fa-7474-45ba-ab1f-d52a47a02c81", "actorName": "Yvonne Mbeki",
			   "customerId": "ab78f2fa-7474-45ba-ab1f-d52a47a02c81", "entityType": "order", "entityId": "PO-100007",
			   "action": "cancel", "field": "status", "oldValue": "PAID", "newValue": "CANCELLED"}],
			 "page": 0, "size": 50, "total": 1}""";

	static final String TOKEN = """
			{"id": "6a559151-834f-4fe9-b0d3-0a940c57ba14", "name": "laptop script", "prefix": "pk_5AHsRku",
			 "createdAt": "2026-12-04T17:11:28Z", "expiresAt": "2027-03-04T17:11:28Z",
			 "lastUsedAt": "2026-12-04T17:13:36Z"}""";

	static final String TOKENS = "[" + TOKEN + "]";

	static final String NEW_TOKEN = """
			{"name": "laptop script", "validDays": 90}""";

	static final String CREATED_TOKEN = """
			{"token": {"id": "6a559151-834f-4fe9-b0d3-0a940c57ba14", "name": "laptop script", "prefix": "pk_5AHsRku",
			   "createdAt": "2026-12-04T17:11:28Z", "expiresAt": "2027-03-04T17:11:28Z"},
			 "secret": "pk_5AHsRkuwaHr0ULIMKeTzKavRW5DtSkJ9pD1fyi_s7dE"}""";

	static final String PRESENCE = """
			{"presentity": "pres:agent-3481cdb4-035b-418e-8496-c95f440e6ccc@parley.local", "status": "open",
			 "activities": ["busy"], "note": "On a call",
			 "tuples": [{"id": "routing", "status": "open", "activities": ["busy"], "note": "On a call",
			   "timestamp": "2026-12-04T17:20:00Z"}]}""";

	static final String PRESENCE_PIDF = """
			<?xml version="1.0" encoding="UTF-8"?><presence xmlns="urn:ietf:params:xml:ns:pidf" \
			entity="pres:center-main@parley.local"><tuple id="presence"><status><basic>open</basic></status>\
			</tuple></presence>""";

	static final String MY_PRESENCE = """
			{"status": "open", "activities": ["meal"], "note": "Back at two",
			 "current": {"presentity": "pres:customer-8ebcd92a-486a-4d5e-9af9-1883a912d909@parley.local",
			   "status": "open", "activities": ["meal"], "note": "Back at two",
			   "tuples": [{"id": "portal", "status": "open", "activities": ["meal"], "note": "Back at two",
			     "timestamp": "2026-12-04T17:11:36Z"}]}}""";

	static final String CHOICE = """
			{"status": "open", "activities": ["meal"], "note": "Back at two"}""";

	static final String WATCHERS = """
			[{"id": "s12", "watcher": "sip:agent-3481cdb4-035b-418e-8496-c95f440e6ccc@parley.local",
			  "name": "Jonas Berg", "watcherClass": "agent", "status": "pending", "event": "subscribe",
			  "expiresInSeconds": 3540, "rule": {"handling": "confirm", "visibility": "full"}}]""";

	static final String RULES = """
			{"groups": {"agents": {"handling": "confirm", "visibility": "full"},
			   "supervisors": {"handling": "allow", "visibility": "basic"},
			   "others": {"handling": "block", "visibility": "nothing"}},
			 "watchers": [{"watcher": "sip:agent-3481cdb4-035b-418e-8496-c95f440e6ccc@parley.local",
			   "handling": "allow", "visibility": "full"}],
			 "version": 2}""";

	static final String RULES_REQUEST = """
			{"groups": {"agents": {"handling": "confirm", "visibility": "full"},
			   "supervisors": {"handling": "allow", "visibility": "basic"},
			   "others": {"handling": "block", "visibility": "nothing"}},
			 "watchers": [{"watcher": "sip:agent-3481cdb4-035b-418e-8496-c95f440e6ccc@parley.local",
			   "handling": "allow", "visibility": "full"}],
			 "version": 1}""";

	static final String CENTER_STATUS = """
			{"agentsLoggedIn": 12, "agentsAvailable": 3, "agentsBusy": 7, "agentsWrapUp": 1, "agentsNotReady": 1,
			 "contactsWaiting": 4, "oldestWaitSeconds": 95, "estimatedWaitSeconds": 140,
			 "estimatedWaitRange": {"low": 100, "high": 180}, "serviceLevel": 0.82, "abandonRate": 0.04,
			 "serviceLevelToday": 0.86, "abandonRateToday": 0.03, "averageHandleSeconds": 412.5,
			 "mediaOpen": ["chat", "email", "voice"], "estimator": "ql", "accuracy": [], "media": []}""";

	static final String QUEUE_STATUS = """
			{"queue": "support", "agentsLoggedIn": 5, "agentsAvailable": 0, "agentsBusy": 5, "agentsWrapUp": 0,
			 "agentsNotReady": 0, "contactsWaiting": 3, "oldestWaitSeconds": 80, "estimatedWaitSeconds": 150,
			 "estimatedWaitRange": {"low": 110, "high": 190}, "serviceLevel": 0.75, "abandonRate": 0.05,
			 "mediaOpen": ["chat"], "estimator": "ql",
			 "accuracy": [{"estimator": "ql", "samples": 240, "rase": 0.08, "mae": 21.5},
			              {"estimator": "moving-average", "samples": 240, "rase": 0.41, "mae": 58.0}],
			 "media": [{"queue": "support", "medium": "chat", "contactsWaiting": 3, "estimatedWaitSeconds": 150}]}""";

	static final String START = """
			{"medium": "chat", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc", "topic": "My phone does not charge"}""";

	static final String MY_INTERACTION_QUEUED = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "queued", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 2,
			 "estimatedWaitSeconds": 90, "createdAt": "2026-12-04T17:20:00Z", "version": 0}""";

	static final String MY_INTERACTION_CONNECTED = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "connected", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Jonas Berg"},
			 "createdAt": "2026-12-04T17:20:00Z", "connectedAt": "2026-12-04T17:21:32Z", "version": 2}""";

	static final String MY_INTERACTIONS = "[" + MY_INTERACTION_CONNECTED + """
			,
			 {"id": "5c9e2d14-7b3a-4f0e-8d61-9a4b2c7e1f05", "state": "closed", "medium": "chat", "queue": "care",
			  "queueName": "Customer care", "topic": "Invoice twice", "position": 0,
			  "agent": {"id": "7a2f0c9e-1b4d-4e8a-9c35-6d0e2b8f4a17", "name": "Lena Vogt"},
			  "createdAt": "2026-11-28T09:02:00Z", "connectedAt": "2026-11-28T09:03:10Z",
			  "endedAt": "2026-11-28T09:14:45Z", "closedAt": "2026-11-28T09:16:00Z", "disposition": "resolved",
			  "version": 4}]""";

	static final String MY_INTERACTION_LEFT = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "abandoned", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "createdAt": "2026-12-04T17:20:00Z", "closedAt": "2026-12-04T17:23:05Z", "version": 1}""";

	static final String MESSAGE_REQUEST = """
			{"body": "It stopped charging after the update.", "clientId": "c-7f3a-1"}""";

	static final String MESSAGE = """
			{"seq": 3, "sender": "customer", "senderName": "Alice Martin",
			 "body": "It stopped charging after the update.", "clientId": "c-7f3a-1", "sentAt": "2026-12-04T17:22:10Z"}""";

	static final String AGENT_MESSAGE_REQUEST = """
			{"body": "Thanks. Which cable do you use?", "clientId": "a-19c2-4"}""";

	static final String AGENT_MESSAGE = """
			{"seq": 4, "sender": "agent", "senderName": "Jonas Berg", "body": "Thanks. Which cable do you use?",
			 "clientId": "a-19c2-4", "sentAt": "2026-12-04T17:22:41Z"}""";

	static final String MESSAGES = """
			[{"seq": 1, "sender": "customer", "senderName": "Alice Martin", "body": "Hello, my phone does not charge.",
			  "clientId": "c-7f3a-0", "sentAt": "2026-12-04T17:21:35Z"},
			 {"seq": 2, "sender": "agent", "senderName": "Jonas Berg", "body": "Hello Alice, how can I help?",
			  "sentAt": "2026-12-04T17:21:40Z"},
			 {"seq": 3, "sender": "customer", "senderName": "Alice Martin",
			  "body": "It stopped charging after the update.", "clientId": "c-7f3a-1", "sentAt": "2026-12-04T17:22:10Z"}]""";

	static final String READ_REQUEST = """
			{"upTo": 2}""";

	static final String RECEIPTS = """
			{"lastSeq": 3, "customerDelivered": 3, "customerRead": 2, "agentDelivered": 3, "agentRead": 3}""";

	static final String TRANSCRIPT = """
			Alice Martin: Hello, my phone does not charge.
			Jonas Berg: Hello Alice, how can I help?
			Alice Martin: It stopped charging after the update.
			""";

	static final String STATE_REQUEST = """
			{"state": "not-ready", "reason": "break"}""";

	static final String AGENT_STATE = """
			{"state": "not-ready", "reason": "break", "since": "2026-12-04T17:05:00Z"}""";

	static final String AGENT_INTERACTION_OFFERED = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "offered", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "createdAt": "2026-12-04T17:20:00Z", "version": 1}""";

	static final String OFFERS = """
			[{"id": "b52e7f0e-9c4d-4e1a-8f3b-6d2a1c0e9b47", "state": "pending", "offeredAt": "2026-12-04T17:21:20Z",
			  "expiresAt": "2026-12-04T17:21:40Z", "interaction": """ + AGENT_INTERACTION_OFFERED + "}]";

	static final String AGENT_INTERACTION = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "connected", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Jonas Berg"},
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "createdAt": "2026-12-04T17:20:00Z", "connectedAt": "2026-12-04T17:21:32Z", "version": 2}""";

	static final String AGENT_INTERACTIONS = "[" + AGENT_INTERACTION + "]";

	static final String TRANSFER_REQUEST = """
			{"queue": "care", "note": "Wants a refund for the charger"}""";

	static final String AGENT_INTERACTION_TRANSFERRED = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "queued", "medium": "chat", "queue": "care",
			 "queueName": "Customer care", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "transferNote": "Wants a refund for the charger", "createdAt": "2026-12-04T17:20:00Z",
			 "connectedAt": "2026-12-04T17:21:32Z", "version": 3}""";

	static final String AGENT_INTERACTION_ENDED = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "wrap-up", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Jonas Berg"},
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "createdAt": "2026-12-04T17:20:00Z", "connectedAt": "2026-12-04T17:21:32Z",
			 "endedAt": "2026-12-04T17:34:02Z", "wrapUpDeadline": "2026-12-04T17:36:02Z", "version": 3}""";

	static final String WRAP_UP_REQUEST = """
			{"disposition": "resolved", "summary": "Charging port cleaned; charges again."}""";

	static final String AGENT_INTERACTION_CLOSED = """
			{"id": "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30", "state": "closed", "medium": "chat", "queue": "support",
			 "queueName": "Technical support", "product": "d6b1b7da-112b-4583-9f5c-e9d3aca952cc",
			 "productName": "Aurora 5G", "topic": "My phone does not charge", "position": 0,
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Jonas Berg"},
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "createdAt": "2026-12-04T17:20:00Z", "connectedAt": "2026-12-04T17:21:32Z",
			 "endedAt": "2026-12-04T17:34:02Z", "closedAt": "2026-12-04T17:35:10Z", "disposition": "resolved",
			 "summary": "Charging port cleaned; charges again.", "version": 4}""";

	static final String QUEUE_SUMMARIES = """
			[{"key": "support", "name": "Technical support", "description": "Set-up, faults and repairs.",
			  "media": ["chat", "email"], "openNow": true, "defaultQueue": true},
			 {"key": "sales-video", "name": "Video advice", "description": "See a phone before you buy it.",
			  "media": ["video"], "openNow": false, "nextOpening": "2026-12-07T09:00:00+01:00", "defaultQueue": false}]""";

	static final String QUEUE_REQUEST = """
			{"key": "support", "name": "Technical support", "description": "Set-up, faults and repairs.",
			 "groupKey": "support", "media": ["chat", "email"], "categories": ["phones"],
			 "skills": [{"key": "phones", "minLevel": 2}], "strategy": "longest-idle", "priority": 0,
			 "offerTimeoutSeconds": 20, "maxMissedOffers": 3, "wrapUpSeconds": 120, "serviceLevelSeconds": 20,
			 "defaultQueue": true}""";

	static final String QUEUE_UPDATE = """
			{"name": "Technical support", "description": "Set-up, faults and repairs.", "groupKey": "support",
			 "media": ["chat", "email"], "categories": ["phones"], "skills": [{"key": "phones", "minLevel": 3}],
			 "strategy": "most-skilled", "priority": 0, "offerTimeoutSeconds": 30, "maxMissedOffers": 3,
			 "wrapUpSeconds": 120, "serviceLevelSeconds": 20, "defaultQueue": true, "version": 1}""";

	static final String QUEUE = """
			{"key": "support", "name": "Technical support", "description": "Set-up, faults and repairs.",
			 "groupKey": "support", "media": ["chat", "email"], "categories": ["phones"],
			 "skills": [{"key": "phones", "minLevel": 2}], "strategy": "longest-idle", "priority": 0,
			 "offerTimeoutSeconds": 20, "maxMissedOffers": 3, "wrapUpSeconds": 120, "serviceLevelSeconds": 20,
			 "defaultQueue": true, "openNow": true, "version": 0}""";

	static final String QUEUE_UPDATED = """
			{"key": "support", "name": "Technical support", "description": "Set-up, faults and repairs.",
			 "groupKey": "support", "media": ["chat", "email"], "categories": ["phones"],
			 "skills": [{"key": "phones", "minLevel": 3}], "strategy": "most-skilled", "priority": 0,
			 "offerTimeoutSeconds": 30, "maxMissedOffers": 3, "wrapUpSeconds": 120, "serviceLevelSeconds": 20,
			 "defaultQueue": true, "openNow": true, "version": 2}""";

	static final String QUEUES = "[" + QUEUE + "]";

	static final String NEW_INVITATION = """
			{"customer": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "medium": "chat", "topic": "Your delivery",
			 "order": "PO-100042"}""";

	static final String INVITATION = """
			{"id": "5b1e7c1a-8a8e-4a43-9a3b-3c2d8f0e4b11", "direction": "to-customer", "state": "pending",
			 "medium": "chat", "topic": "Your delivery", "order": "PO-100042", "product": null,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Ana Ruiz", "group": "Support"},
			 "text": "Ana Ruiz from Support invites you to chat about order PO-100042",
			 "createdAt": "2026-03-02T10:15:00Z", "expiresAt": "2026-03-02T10:17:00Z", "answeredAt": null,
			 "answeredBy": null, "interaction": null, "version": 0}""";

	static final String INVITATION_ACCEPTED = """
			{"id": "5b1e7c1a-8a8e-4a43-9a3b-3c2d8f0e4b11", "direction": "to-customer", "state": "accepted",
			 "medium": "chat", "topic": "Your delivery", "order": "PO-100042", "product": null,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Ana Ruiz", "group": "Support"},
			 "text": "Ana Ruiz from Support invites you to chat about order PO-100042",
			 "createdAt": "2026-03-02T10:15:00Z", "expiresAt": "2026-03-02T10:17:00Z",
			 "answeredAt": "2026-03-02T10:15:40Z", "answeredBy": "8ebcd92a-486a-4d5e-9af9-1883a912d909",
			 "interaction": "86dd04e5-ad07-4610-a477-89206bdba935", "version": 1}""";

	static final String INVITATIONS = "[" + INVITATION + "]";

	static final String NEW_REQUEST = """
			{"agent": "3481cdb4-035b-418e-8496-c95f440e6ccc", "medium": "chat", "topic": "The router you set up"}""";

	static final String REQUEST = """
			{"id": "0c6f3b5e-2f1d-4c55-8e0a-6a4c1f7d9e21", "direction": "to-agent", "state": "pending",
			 "medium": "chat", "topic": "The router you set up", "order": null, "product": null,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Ana Ruiz", "group": "Support"},
			 "agentState": "ready", "estimate": null,
			 "alternatives": [{"id": "5d0c2a4e-9b7f-4e1a-8c3d-6f2b1a9e0c47", "name": "Jonas Berg", "group": "Support"}],
			 "text": "Alice Martin asks for you about: The router you set up",
			 "createdAt": "2026-03-02T10:15:00Z", "expiresAt": "2026-03-02T10:30:00Z", "answeredAt": null,
			 "answeredBy": null, "interaction": null, "version": 0}""";

	static final String REQUEST_BUSY = """
			{"id": "0c6f3b5e-2f1d-4c55-8e0a-6a4c1f7d9e21", "direction": "to-agent", "state": "pending",
			 "medium": "chat", "topic": "The router you set up", "order": null, "product": null,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Ana Ruiz", "group": "Support"},
			 "agentState": "busy", "estimate": 240,
			 "alternatives": [{"id": "5d0c2a4e-9b7f-4e1a-8c3d-6f2b1a9e0c47", "name": "Jonas Berg", "group": "Support"}],
			 "text": "Alice Martin asks for you about: The router you set up",
			 "createdAt": "2026-03-02T10:15:00Z", "expiresAt": "2026-03-02T10:30:00Z", "answeredAt": null,
			 "answeredBy": null, "interaction": null, "version": 0}""";

	static final String REQUEST_WITHDRAWN = """
			{"id": "0c6f3b5e-2f1d-4c55-8e0a-6a4c1f7d9e21", "direction": "to-agent", "state": "withdrawn",
			 "medium": "chat", "topic": "The router you set up", "order": null, "product": null,
			 "customer": {"id": "8ebcd92a-486a-4d5e-9af9-1883a912d909", "name": "Alice Martin"},
			 "agent": {"id": "3481cdb4-035b-418e-8496-c95f440e6ccc", "name": "Ana Ruiz", "group": "Support"},
			 "agentState": "busy", "estimate": null, "alternatives": [],
			 "text": "Alice Martin asks for you about: The router you set up",
			 "createdAt": "2026-03-02T10:15:00Z", "expiresAt": "2026-03-02T10:30:00Z",
			 "answeredAt": "2026-03-02T10:18:10Z", "answeredBy": "8ebcd92a-486a-4d5e-9af9-1883a912d909",
			 "interaction": null, "version": 1}""";

	static final String REQUESTS = "[" + REQUEST + "]";

	// alerts

	static final String ALERT = """
			{"id": "9d2f6a0e-3c1b-5e4a-8f7d-2b6c1a0e9f31", "kind": "queue-agent-available",
			 "text": "An agent for Sales is available now", "subject": "sales", "subjectName": "Sales",
			 "detail": null, "raisedAt": "2026-03-02T10:15:00Z", "dismissedAt": null}""";

	static final String ALERT_DISMISSED = """
			{"id": "9d2f6a0e-3c1b-5e4a-8f7d-2b6c1a0e9f31", "kind": "queue-agent-available",
			 "text": "An agent for Sales is available now", "subject": "sales", "subjectName": "Sales",
			 "detail": null, "raisedAt": "2026-03-02T10:15:00Z", "dismissedAt": "2026-03-02T10:16:30Z"}""";

	static final String ALERT_INBOX = "{\"unread\": 1, \"alerts\": [" + ALERT + "]}";

	static final String NEW_ALERT_RULES = """
			{"rules": [{"kind": "queue-agent-available", "queue": "sales"},
			 {"kind": "agent-available", "agent": "3481cdb4-035b-418e-8496-c95f440e6ccc"},
			 {"kind": "queue-turn", "position": 3}, {"kind": "order-status", "order": "PO-100042"}]}""";

	static final String ALERT_RULES = """
			{"rules": [{"id": "1f0c7e0a-5b7e-4c36-9f0a-62f1d8b3c5a4", "kind": "queue-agent-available", "queue": "sales",
			 "product": null, "agent": null, "customer": null, "order": null, "position": null,
			 "createdAt": "2026-03-02T10:00:00Z"},
			 {"id": "6a4e1c2d-0b9f-4f3e-8a71-5d2c9e0b1f47", "kind": "queue-turn", "queue": null, "product": null,
			 "agent": null, "customer": null, "order": null, "position": 3, "createdAt": "2026-03-02T10:00:00Z"}]}""";

	static final String NEW_AGENT_ALERT_RULES = """
			{"rules": [{"kind": "customer-online", "customer": "8ebcd92a-486a-4d5e-9af9-1883a912d909"},
			 {"kind": "transfer-arrives"}, {"kind": "invitation-reply"}, {"kind": "customer-asks"}]}""";

	static final String NEW_SUPERVISOR_ALERT_RULES = """
			{"rules": [{"kind": "queue-wait", "queue": "support"}, {"kind": "queue-size"}, {"kind": "service-level"},
			 {"kind": "missed-offers"}]}""";
}
