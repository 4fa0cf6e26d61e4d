package io.rootcase.shared;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.BiFunction;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file's records with the line each starts on (a quoted field may span
 * lines), and reports malformed CSV from the line where reading broke off: every file
 * import names its bad rows by line.
 */
public final class CsvRows {

	private CsvRows() {
	}

	/** What to do with one record. */
	@FunctionalInterface
	public interface Row {

		void accept(CSVRecord record, int line);

	}

	/**
	 * @param malformed builds the refusal for malformed CSV from a line and a message
	 */
	public static void forEach(CSVParser parser, Row row, BiFunction<Integer, String, RuntimeException> malformed) {
		long line = parser.getCurrentLineNumber() + 1;
		Iterator<CSVRecord> records = parser.iterator();
		while (true) {
			try {
				if (!records.hasNext()) {
					return;
				}
			}
			catch (UncheckedIOException | IllegalStateException ex) {
				throw malformed.apply((int) line, "malformed CSV from here on: " + rootMessage(ex));
			}
			CSVRecord record = records.next();
			// PostgreSQL keeps no NUL character in a text column; a file holding one is
			// binary or broken, and its line is the place to look.
			if (record.stream().anyMatch(field -> field.indexOf('\u0000') >= 0)) {
				throw malformed.apply((int) line, "a field holds a NUL character (U+0000), which cannot be stored");
			}
			row.accept(record, (int) line);
			line = parser.getCurrentLineNumber() + 1;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
