package io.rootcase.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rootcase.customers.IdentityKind;
import io.rootcase.intake.ContactIntake.Checked;
import io.rootcase.intake.InvalidContactException.ItemViolations;
import io.rootcase.shared.Channel;
import io.rootcase.shared.CsvRows;
import io.rootcase.shared.Direction;
import io.rootcase.shared.Texts;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an organisation's past contacts from a CSV file (RFC 4180, header row, UTF-8).
 * The file is all or nothing: any bad row and nothing is imported, and every bad row is
 * reported with its line number. Rows already imported (same channel and external id) are
 * skipped, so a file can be imported again safely. The column layout is documented in
 * docs/import.md.
 */
@Service
public class ContactImport {

	static final List<String> REQUIRED = List.of("channel", "direction", "occurred_at", "text");

	static final List<String> OPTIONAL = List.of("customer_email", "customer_phone", "customer_social_handle",
			"customer_account_number", "customer_name", "external_id", "case_reference", "author");

	static final Map<String, IdentityKind> IDENTITY_COLUMNS = Map.of("customer_email", IdentityKind.EMAIL,
			"customer_phone", IdentityKind.PHONE, "customer_social_handle", IdentityKind.SOCIAL_HANDLE,
			"customer_account_number", IdentityKind.ACCOUNT_NUMBER);

	static final int MAX_ROWS = 200_000;

	private final ContactIntake intake;

	ContactImport(ContactIntake intake) {
		this.intake = intake;
	}

	/**
	 * Imports the file in one transaction, oldest contact first, so history threads into
	 * cases as it happened.
	 * @throws InvalidContactException with one entry per bad line; nothing is imported
	 */
	@Transactional
	public ImportReport importCsv(Reader csv) {
		List<Row> rows = parse(csv);
		List<ItemViolations> problems = new ArrayList<>();
		for (Row row : rows) {
			if (!row.checked().violations().isEmpty()) {
				problems.add(new ItemViolations(row.line(), row.checked().violations()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidContactException(problems);
		}
		int imported = 0;
		int skipped = 0;
		Set<String> cases = new LinkedHashSet<>();
		for (Row row : rows.stream().sorted(Comparator.comparing((Row r) -> r.contact().occurredAt())).toList()) {
			if (this.intake.seenBefore(row.contact())) {
				skipped++;
				continue;
			}
			cases.add(this.intake.store(row.contact(), row.checked().identities()).caseReference());
			imported++;
		}
		return new ImportReport(rows.size(), imported, skipped, cases.size());
	}

	private List<Row> parse(Reader csv) {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(false)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
			checkHeader(parser.getHeaderNames());
			CsvRows.forEach(parser, (record, line) -> {
				if (rows.size() == MAX_ROWS) {
					throw fileProblem(line, "a file holds at most " + MAX_ROWS + " rows; split it");
				}
				rows.add(row(record, line));
			}, ContactImport::fileProblem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (rows.isEmpty()) {
			throw fileProblem(2, "the file has a header but no rows");
		}
		return rows;
	}

	private static void checkHeader(List<String> header) {
		List<Violation> violations = new ArrayList<>();
		for (String column : REQUIRED) {
			if (!header.contains(column)) {
				violations.add(new Violation(column, "required column '" + column + "' is missing"));
			}
		}
		for (String column : header) {
			if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
				violations.add(new Violation(column, "unknown column '" + column + "'"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidContactException(List.of(new ItemViolations(1, violations)));
		}
	}

	private Row row(CSVRecord record, int line) {
		List<Violation> violations = new ArrayList<>();
		if (!record.isConsistent()) {
			violations.add(new Violation("row",
					"has " + record.size() + " fields; the header has " + record.getParser().getHeaderNames().size()));
			return new Row(line, null, new Checked(violations, Set.of()));
		}
		Channel channel = null;
		try {
			channel = Channel.fromWireName(value(record, "channel"));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new Violation("channel", ex.getMessage()));
		}
		Direction direction = null;
		try {
			direction = Direction.fromWireName(value(record, "direction"));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new Violation("direction", ex.getMessage()));
		}
		Instant occurredAt = null;
		String rawTime = value(record, "occurred_at");
		try {
			occurredAt = rawTime == null ? null : Instant.parse(rawTime);
		}
		catch (DateTimeParseException ex) {
			violations.add(new Violation("occurredAt",
					Texts.quoted(rawTime) + " is not an ISO-8601 instant such as 2026-11-20T10:00:00Z"));
		}
		Map<IdentityKind, String> identities = new EnumMap<>(IdentityKind.class);
		IDENTITY_COLUMNS.forEach((column, kind) -> {
			String raw = value(record, column);
			if (raw != null) {
				identities.put(kind, raw);
			}
		});
		IncomingContact contact = new IncomingContact(channel, direction, occurredAt, value(record, "text"), identities,
				value(record, "customer_name"), value(record, "external_id"), value(record, "case_reference"),
				value(record, "author"));
		Checked checked = this.intake.check(contact, violations);
		return new Row(line, contact, new Checked(renamed(checked.violations()), checked.identities()));
	}

	/** Reports API field names as the CSV column names the importer used. */
	private static List<Violation> renamed(List<Violation> violations) {
		return violations.stream().map(v -> new Violation(switch (v.field()) {
			case "occurredAt" -> "occurred_at";
			case "externalId" -> "external_id";
			case "customer.email" -> "customer_email";
			case "customer.phone" -> "customer_phone";
			case "customer.socialHandle" -> "customer_social_handle";
			case "customer.accountNumber" -> "customer_account_number";
			case "customer.name" -> "customer_name";
			case "customer" -> "customer_*";
			default -> v.field();
		}, v.message())).toList();
	}

	private static String value(CSVRecord record, String column) {
		if (!record.isMapped(column) || !record.isSet(column)) {
			return null;
		}
		String value = record.get(column);
		return value == null || value.isBlank() ? null : value;
	}

	private static InvalidContactException fileProblem(int line, String message) {
		return new InvalidContactException(List.of(new ItemViolations(line, List.of(new Violation("file", message)))));
	}

	private record Row(int line, IncomingContact contact, Checked checked) {
	}

	/**
	 * What an import did.
	 *
	 * @param rows rows in the file
	 * @param imported contacts stored
	 * @param skipped rows already imported before (same channel and external id)
	 * @param cases distinct cases the imported contacts went to
	 */
	public record ImportReport(int rows, int imported, int skipped, int cases) {
	}

}
