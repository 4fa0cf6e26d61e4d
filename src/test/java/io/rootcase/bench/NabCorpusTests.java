package io.rootcase.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NabCorpusTests {

	@TempDir
	Path dir;

	@Test
	void aDataFileIsReadWithItsTimestampsToTheSecond() throws Exception {
		Path file = Files.writeString(this.dir.resolve("ok.csv"),
				"timestamp,value\n2014-02-14 14:30:00,1.5\n2014-02-14 14:35:00.000,2\n");
		NabCorpus.Series series = NabCorpus.series(file);
		assertThat(series.timestamps()).containsExactly("2014-02-14 14:30:00", "2014-02-14 14:35:00");
		assertThat(series.values()).containsExactly(1.5, 2.0);
	}

	@Test
	void aMalformedRowIsReportedWithItsLineNumber() throws Exception {
		Path badValue = Files.writeString(this.dir.resolve("value.csv"),
				"timestamp,value\n2014-02-14 14:30:00,1.5\n2014-02-14 14:35:00,lots\n");
		assertThatIllegalArgumentException().isThrownBy(() -> NabCorpus.series(badValue))
			.withMessageContaining("line 3");
		Path badTime = Files.writeString(this.dir.resolve("time.csv"), "timestamp,value\nyesterday,1.5\n");
		assertThatIllegalArgumentException().isThrownBy(() -> NabCorpus.series(badTime))
			.withMessageContaining("line 2");
		Path extra = Files.writeString(this.dir.resolve("extra.csv"),
				"timestamp,value\n2014-02-14 14:30:00,1.5\n2014-02-14 14:35:00,2,3\n");
		assertThatIllegalArgumentException().isThrownBy(() -> NabCorpus.series(extra)).withMessageContaining("line 3");
	}

}
