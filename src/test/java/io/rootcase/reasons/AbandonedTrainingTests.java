package io.rootcase.reasons;

import java.time.Duration;

import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.shared.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@RootcaseIntegrationTest
class AbandonedTrainingTests {

	@Autowired
	ReasonModels models;

	@Autowired
	ModelRepository repository;

	@Autowired
	TestClock clock;

	@Autowired
	ReasonTaxonomy taxonomy;

	@Autowired
	ContactReasons contactReasons;

	@BeforeEach
	void examplesToTrainOn() {
		TrainedReasons.ensure(this.taxonomy, this.contactReasons, this.models);
	}

	@Test
	void aTrainingRunWhoseNodeStoppedBlocksRetrainingOnlyUntilItHasBeenSilentForTwoMinutes() {
		// What a node that stopped while training leaves: a run that never ends and whose
		// heartbeat stopped with it.
		int stopped = this.repository.start("a stopped node", "all-MiniLM-L6-v2-q", this.clock.instant());

		this.clock.advance(Duration.ofSeconds(90));
		assertThatThrownBy(() -> this.models.requestRetraining("maria")).isInstanceOf(ConflictException.class)
			.hasMessageContaining("being trained");

		this.clock.advance(Duration.ofSeconds(60));
		ModelVersion next = this.models.requestRetraining("maria");

		ModelVersion abandoned = this.models.version(stopped);
		assertThat(abandoned.status()).isEqualTo(ModelStatus.FAILED);
		assertThat(abandoned.note()).contains("abandoned");
		assertThat(await().atMost(Duration.ofSeconds(90))
			.until(() -> this.models.version(next.version()), v -> v.status() != ModelStatus.TRAINING)
			.status()).isIn(ModelStatus.LIVE, ModelStatus.REJECTED);
	}

	@Test
	void aRunThatKeepsShowingItIsAliveIsNotAbandoned() {
		int running = this.repository.start("another node", "all-MiniLM-L6-v2-q", this.clock.instant());
		for (int beat = 0; beat < 6; beat++) {
			this.clock.advance(Duration.ofSeconds(30));
			this.repository.alive(running, this.clock.instant());
		}

		assertThatThrownBy(() -> this.models.requestRetraining("maria")).isInstanceOf(ConflictException.class);
		assertThat(this.models.version(running).status()).isEqualTo(ModelStatus.TRAINING);
		this.repository.failed(running, "test over", this.clock.instant());
	}

}
