package io.rootcase.intake;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rootcase.cases.CaseNotFoundException;
import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.InvalidContactException.ItemViolations;
import io.rootcase.shared.Channel;
import io.rootcase.shared.Direction;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contacts", description = "Contacts from every channel")
class ContactApi {

	static final int MAX_BATCH = 1000;

	private final ContactIntake intake;

	private final ContactImport imports;

	private final Cases cases;

	ContactApi(ContactIntake intake, ContactImport imports, Cases cases) {
		this.intake = intake;
		this.imports = imports;
		this.cases = cases;
	}

	@Schema(description = "The customer's identities on this channel; at least one is required.")
	record CustomerRequest(String email, String phone, String socialHandle, String accountNumber, String name) {
	}

	record ContactRequest(@Schema(allowableValues = {
			"email", "phone", "chat", "social", "web" }) String channel,
			@Schema(allowableValues = { "inbound", "outbound" }) String direction,
			@Schema(description = "ISO-8601 instant, e.g. 2026-11-20T10:00:00Z") String occurredAt,
			@Schema(description = "At most 100 000 characters") String text, CustomerRequest customer,
			@Schema(description = "The channel's message id; makes the request idempotent") String externalId,
			@Schema(description = "RC-<number> or case id; else the contact is threaded automatically") String caseReference){
	}

	record ContactResponse(UUID contactId, UUID caseId, String caseReference, UUID customerId, boolean duplicate) {

		static ContactResponse of(ContactReceipt r) {
			return new ContactResponse(r.contactId(), r.caseId(), r.caseReference(), r.customerId(), r.duplicate());
		}

	}

	record BatchResponse(List<ContactResponse> results) {
	}

	@Operation(summary = "Receive a contact",
			description = "201 with the new contact; 200 with the first result when the same channel and externalId was received before.")
	@PostMapping("/api/contacts")
	ResponseEntity<ContactResponse> receive(@RequestBody ContactRequest request, Principal principal) {
		ContactReceipt receipt = this.intake.receive(parseAll(List.of(request), principal).get(0));
		if (receipt.duplicate()) {
			return ResponseEntity.ok(ContactResponse.of(receipt));
		}
		return ResponseEntity.created(URI.create("/api/contacts/" + receipt.contactId()))
			.body(ContactResponse.of(receipt));
	}

	@Operation(summary = "Receive up to 1000 contacts",
			description = "All are validated first; one invalid item rejects the batch with every problem listed by position.")
	@PostMapping("/api/contacts:batch")
	ResponseEntity<BatchResponse> receiveBatch(@RequestBody List<ContactRequest> requests, Principal principal) {
		if (requests.isEmpty() || requests.size() > MAX_BATCH) {
			throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " contacts");
		}
		List<ContactResponse> results = this.intake.receiveAll(parseAll(requests, principal))
			.stream()
			.map(ContactResponse::of)
			.toList();
		return ResponseEntity.status(HttpStatus.OK).body(new BatchResponse(results));
	}

	@Operation(summary = "Import contact history from CSV",
			description = "Column layout in docs/import.md. Any bad row and nothing is imported; every bad row is reported by line number.")
	@PostMapping(path = "/api/contacts/import", consumes = { "text/csv", "text/plain" })
	ContactImport.ImportReport importCsv(HttpServletRequest request) throws IOException {
		return this.imports.importCsv(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
	}

	@GetMapping("/api/contacts/{id}")
	Contact contact(@PathVariable UUID id) {
		return this.intake.find(id).orElseThrow(() -> new NotFoundException("no contact " + id));
	}

	record MoveRequest(@Schema(
			description = "RC-<number> of another active case of the customer; omit to open a new case") String caseReference,
			@Schema(description = "Why the contact belongs elsewhere; at most 1000 characters") String reason) {
	}

	@Operation(summary = "Move an inbound contact to another case",
			description = "To another active case of the same customer, or to a new case of its own when caseReference is omitted. "
					+ "Its reason and trend counts follow it; a case left without contacts closes. "
					+ "409 for a reply, another customer's case, a closed case or the case it is on.")
	@PostMapping("/api/contacts/{id}/move")
	MoveReceipt move(@PathVariable UUID id, @RequestBody MoveRequest request, Principal principal) {
		return this.intake.move(id, request.caseReference(), request.reason(), principal.getName());
	}

	record MergeRequest(
			@Schema(description = "RC-<number> of another case of the same customer, not closed",
					requiredMode = Schema.RequiredMode.REQUIRED) String into,
			@Schema(description = "Why the cases are one matter; at most 1000 characters") String reason) {
	}

	@Operation(summary = "Merge a case into another case of the same customer",
			description = "Every contact of the case, the customer's and the replies, moves to the other case, whose "
					+ "reason and trend counts follow them; the merged case closes and keeps what was done on it. "
					+ "404 for an unknown case; 409 for another customer's case, the same case, a merged case that is "
					+ "not new, open or waiting on the customer, or a closed case to merge into.")
	@PostMapping("/api/cases/{reference}/merge")
	MergeReceipt merge(@PathVariable String reference, @RequestBody MergeRequest request, Principal principal) {
		return this.intake.merge(reference, request.into(), request.reason(), principal.getName());
	}

	record ReplyRequest(@Schema(description = "What the customer reads; at most 100 000 characters",
			requiredMode = Schema.RequiredMode.REQUIRED) String text) {
	}

	@Operation(summary = "Reply to the customer on a case",
			description = "Stored as an outbound contact on the case's channel (a closed case's reply opens a case that "
					+ "follows it) and handed to the gateways subscribed to the reply_sent webhook, which deliver it "
					+ "(docs/webhooks.md). 400 for an empty or too long text; 404 for an unknown case.")
	@PostMapping("/api/cases/{reference}/replies")
	ResponseEntity<ContactResponse> reply(@PathVariable String reference, @RequestBody ReplyRequest request,
			Principal principal) {
		ContactReceipt receipt = this.intake.reply(reference, request.text(), principal.getName());
		return ResponseEntity.created(URI.create("/api/contacts/" + receipt.contactId()))
			.body(ContactResponse.of(receipt));
	}

	@GetMapping("/api/cases/{reference}/contacts")
	List<Contact> contactsOfCase(@PathVariable String reference) {
		CaseView found = this.cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
		return this.intake.ofCase(found.id());
	}

	/**
	 * Converts requests, reporting every field that cannot be read, for all items at
	 * once.
	 */
	private List<IncomingContact> parseAll(List<ContactRequest> requests, Principal principal) {
		List<IncomingContact> contacts = new ArrayList<>();
		List<ItemViolations> problems = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			List<Violation> violations = new ArrayList<>();
			IncomingContact contact = parse(requests.get(i), principal, violations);
			if (!violations.isEmpty()) {
				List<Violation> all = this.intake.check(contact, violations).violations();
				problems.add(new ItemViolations(requests.size() == 1 ? -1 : i, all));
			}
			contacts.add(contact);
		}
		if (!problems.isEmpty()) {
			throw new InvalidContactException(problems);
		}
		return contacts;
	}

	private static IncomingContact parse(ContactRequest r, Principal principal, List<Violation> violations) {
		if (r == null) {
			violations.add(new Violation("contact", "a contact object is required"));
			return new IncomingContact(null, null, null, null, Map.of(), null, null, null, null);
		}
		Channel channel = null;
		if (r.channel() != null) {
			try {
				channel = Channel.fromWireName(r.channel());
			}
			catch (IllegalArgumentException ex) {
				violations.add(new Violation("channel", ex.getMessage()));
			}
		}
		Direction direction = null;
		if (r.direction() != null) {
			try {
				direction = Direction.fromWireName(r.direction());
			}
			catch (IllegalArgumentException ex) {
				violations.add(new Violation("direction", ex.getMessage()));
			}
		}
		Instant occurredAt = null;
		if (r.occurredAt() != null) {
			try {
				occurredAt = Instant.parse(r.occurredAt());
			}
			catch (DateTimeParseException ex) {
				violations.add(new Violation("occurredAt",
						Texts.quoted(r.occurredAt()) + " is not an ISO-8601 instant such as 2026-11-20T10:00:00Z"));
			}
		}
		Map<IdentityKind, String> identities = new EnumMap<>(IdentityKind.class);
		String name = null;
		if (r.customer() != null) {
			putIfPresent(identities, IdentityKind.EMAIL, r.customer().email());
			putIfPresent(identities, IdentityKind.PHONE, r.customer().phone());
			putIfPresent(identities, IdentityKind.SOCIAL_HANDLE, r.customer().socialHandle());
			putIfPresent(identities, IdentityKind.ACCOUNT_NUMBER, r.customer().accountNumber());
			name = r.customer().name();
		}
		String author = direction == Direction.OUTBOUND ? principal.getName() : null;
		return new IncomingContact(channel, direction, occurredAt, r.text(), identities, name, r.externalId(),
				r.caseReference(), author);
	}

	private static void putIfPresent(Map<IdentityKind, String> identities, IdentityKind kind, String value) {
		if (value != null) {
			identities.put(kind, value);
		}
	}

}
