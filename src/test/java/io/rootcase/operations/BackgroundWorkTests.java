package io.rootcase.operations;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.rootcase.FlakyWork;
import io.rootcase.RootcaseIntegrationTest;
import io.rootcase.TestClock;
import io.rootcase.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RootcaseIntegrationTest
class BackgroundWorkTests {

	@Autowired
	BackgroundWork work;

	@Autowired
	FlakyWork flaky;

	@Autowired
	TestClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MockMvc mvc;

	@Test
	void failedBackgroundWorkIsRetriedAfterAPauseUntilItSucceeds() {
		String key = this.flaky.request(2);
		failedAfter(key, 1);
		assertThat(this.meters.get("rootcase.background.failed").gauge().value()).isGreaterThanOrEqualTo(1);

		this.work.retryFailed();
		assertThat(this.flaky.publicationStatus(key)).contains("FAILED");
		assertThat(this.flaky.attempts(key)).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(2));
		this.work.retryFailed();
		failedAfter(key, 2);

		this.clock.advance(Duration.ofMinutes(3));
		this.work.retryFailed();
		assertThat(this.flaky.attempts(key)).as("four minutes' pause after the second attempt").isEqualTo(2);
		this.clock.advance(Duration.ofMinutes(1));
		this.work.retryFailed();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flaky.done(key) && this.flaky.publicationStatus(key).isEmpty());
		assertThat(this.flaky.attempts(key)).isEqualTo(3);
	}

	@Test
	void backgroundWorkThatKeepsFailingIsGivenUpOnAndStaysCountedAsFailed() {
		String key = this.flaky.request(Integer.MAX_VALUE);
		failedAfter(key, 1);

		for (int retry = 0; retry < BackgroundWork.MAX_ATTEMPTS + 3; retry++) {
			this.clock.advance(Duration.ofHours(2));
			this.work.retryFailed();
			settled(key);
		}

		assertThat(this.flaky.done(key)).isFalse();
		assertThat(this.flaky.attempts(key)).isEqualTo(BackgroundWork.MAX_ATTEMPTS);
		assertThat(this.flaky.publicationStatus(key)).contains("FAILED");
		assertThat(this.meters.get("rootcase.background.failed").gauge().value()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void failedWorkIsListedWithItsEventAndListenerAndCanAllBeRunAgainAtOnce() {
		String key = this.flaky.request(1);
		failedAfter(key, 1);

		BackgroundWorkStatus status = this.work.status(1000);
		assertThat(status.failedCount()).isGreaterThanOrEqualTo(1);
		assertThat(status.failed()).anySatisfy(f -> {
			assertThat(f.event()).isEqualTo("FlakyWork.Requested");
			assertThat(f.listener()).isEqualTo("FlakyWork.on");
			assertThat(f.attempts()).isEqualTo(1);
			assertThat(f.givenUp()).isFalse();
		});

		assertThat(this.work.retryNow()).isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flaky.done(key) && this.flaky.publicationStatus(key).isEmpty());
	}

	@Test
	void adminsSeeAndRetryFailedWorkThroughTheApiAndOthersAreRefused() throws Exception {
		String key = this.flaky.request(1);
		failedAfter(key, 1);

		this.mvc
			.perform(get("/api/admin/background-work?limit=1000").header("Authorization",
					"Bearer " + TestFixtures.ADMIN_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.failedCount").value(greaterThanOrEqualTo(1)))
			.andExpect(jsonPath("$.failed[?(@.listener == 'FlakyWork.on')].event", hasItem("FlakyWork.Requested")));
		this.mvc
			.perform(get("/api/admin/background-work").header("Authorization", "Bearer " + TestFixtures.MANAGER_TOKEN))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/admin/background-work/retry").header("Authorization",
					"Bearer " + TestFixtures.ADMIN_TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.failed").value(greaterThanOrEqualTo(1)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flaky.done(key) && this.flaky.publicationStatus(key).isEmpty());
	}

	private void failedAfter(String key, int attempts) {
		settled(key);
		assertThat(this.flaky.attempts(key)).isEqualTo(attempts);
	}

	/**
	 * Until the publication is failed again and the listener has run as often as the
	 * registry counts attempts: a resubmission runs in the background.
	 */
	private void settled(String key) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flaky.publicationStatus(key).filter("FAILED"::equals).isPresent()
					&& this.flaky.attempts(key) == this.flaky.completionAttempts(key));
	}

}
