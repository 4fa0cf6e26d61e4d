package io.rootcase.reasons;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.rootcase.shared.CsvRows;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.InvalidRequestException.Problem;

/**
 * A CSV file of labelled messages: header {@code text,category}, one message a row,
 * fields quoted as in RFC 4180. A file with any bad row is refused as a whole, every bad
 * row named by its line.
 */
public final class TrainingFile {

	/** Fewer examples than this make a reason hard to learn; reported, not refused. */
	public static final int FEW_EXAMPLES = 10;

	private static final List<String> HEADER = List.of("text", "category");

	private TrainingFile() {
	}

	/**
	 * @param examples the rows, in file order
	 * @param lines the line each row starts on
	 */
	public record Parsed(List<LabelledExample> examples, List<Integer> lines) {

		/** How many examples each reason has, by reason. */
		public Map<String, Integer> counts() {
			Map<String, Integer> counts = new TreeMap<>();
			this.examples.forEach(e -> counts.merge(e.reasonKey(), 1, Integer::sum));
			return counts;
		}

		/** What is accepted but worth knowing: reasons with few examples. */
		public List<String> warnings() {
			List<String> warnings = new ArrayList<>();
			counts().forEach((reason, n) -> {
				if (n < FEW_EXAMPLES) {
					warnings.add("category '" + reason + "' has only " + n + " example" + (n == 1 ? "" : "s")
							+ "; at least " + FEW_EXAMPLES + " are advised");
				}
			});
			return warnings;
		}

	}

	/** Reads a file to train from: it needs at least two reasons. */
	public static Parsed forTraining(Reader csv) {
		Parsed parsed = read(csv);
		if (parsed.counts().size() < 2) {
			throw problem(2, "category",
					"training needs at least two categories; the file has " + parsed.counts().size());
		}
		return parsed;
	}

	/** Reads a file of labelled messages, for instance one to evaluate on. */
	public static Parsed read(Reader csv) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		List<LabelledExample> examples = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
			if (!parser.getHeaderNames().equals(HEADER)) {
				throw problem(1, "header",
						"the header must be 'text,category', not '" + String.join(",", parser.getHeaderNames()) + "'");
			}
			CsvRows.forEach(parser, (record, line) -> {
				row(record, line, examples, problems);
				while (lines.size() < examples.size()) {
					lines.add(line);
				}
			}, (line, message) -> problem(line, "row", message));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException ex) {
			if (ex instanceof InvalidRequestException) {
				throw ex;
			}
			throw problem(1, "header", "the file has no usable header: " + ex.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("the training file has " + problems.size() + " bad row"
					+ (problems.size() == 1 ? "" : "s") + "; nothing was read", problems);
		}
		if (examples.isEmpty()) {
			throw problem(2, "text", "the file has a header but no rows");
		}
		return new Parsed(examples, lines);
	}

	private static void row(CSVRecord record, int line, List<LabelledExample> examples, List<Problem> problems) {
		if (record.size() != HEADER.size()) {
			problems.add(new Problem(line, "row", "expected 2 fields (text,category), found " + record.size()));
			return;
		}
		String text = record.get(0);
		String category = record.get(1).strip();
		if (text.isBlank()) {
			problems.add(new Problem(line, "text", "the text is empty"));
		}
		if (category.isEmpty()) {
			problems.add(new Problem(line, "category", "the category is empty"));
		}
		if (!text.isBlank() && !category.isEmpty()) {
			examples.add(new LabelledExample(text, category));
		}
	}

	private static InvalidRequestException problem(int line, String field, String message) {
		return new InvalidRequestException("line " + line + ": " + message, List.of(new Problem(line, field, message)));
	}

}
