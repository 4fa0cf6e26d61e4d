package io.rootcase.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scorer reproduces NAB's published per-file scores from the detectors' own rows.
 */
class NabScorerTests {

	static final Path NAB = Path.of("..", "shared", "data", "nab");

	@ParameterizedTest
	@CsvSource({ "numenta,standard", "numenta,reward_low_FP_rate", "numenta,reward_low_FN_rate",
			"twitterADVec,standard", "twitterADVec,reward_low_FP_rate", "twitterADVec,reward_low_FN_rate" })
	void reproducesThePublishedScoreOfEveryFile(String detector, String profileName) throws IOException {
		// The data lives beside the checkout (DEVELOPERS.md); a checkout elsewhere has
		// none.
		assumeTrue(Files.isDirectory(NAB), "NAB data expected at " + NAB.toAbsolutePath());
		NabCorpus corpus = new NabCorpus(NAB);
		NabScorer.Profile profile = corpus.profile(profileName);
		List<CSVRecord> published;
		try (Reader reader = Files.newBufferedReader(
				NAB.resolve("results/" + detector + "/" + detector + "_" + profileName + "_scores.csv"),
				StandardCharsets.UTF_8)) {
			published = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)
				.getRecords();
		}
		assertThat(published).hasSizeGreaterThan(40);
		for (CSVRecord row : published) {
			String file = row.get("File");
			Path results = NAB.resolve("results/" + detector + "/" + Path.of(file).getParent() + "/" + detector + "_"
					+ Path.of(file).getFileName());
			NabScorer.Scored scored = corpus.results(results, file, profile);

			double score = NabScorer.score(scored, Double.parseDouble(row.get("Threshold")), profile);

			assertThat(score).as(file).isCloseTo(Double.parseDouble(row.get("Score")), within(1e-6));
		}
	}

}
