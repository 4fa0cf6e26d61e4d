package io.rootcase.reasons;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.rootcase.shared.ConflictException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of the contact-reason model: trains new ones from the labelled examples
 * (in the background when asked from the console or API, so intake never waits), makes a
 * new version live only when it is not worse than the live one on the same held-out
 * examples, and brings back any earlier version. Every node predicts with the version
 * marked live in the database, loading it when that changes.
 */
@Service
public class ReasonModels {

	private static final Logger log = LoggerFactory.getLogger(ReasonModels.class);

	/**
	 * A training run silent for this long is taken to have died with its node. It shows
	 * it is alive every {@link #HEARTBEAT}; before the heartbeat, an hour after its start
	 * had to pass, and a node that stopped while training blocked retraining that long.
	 */
	private static final Duration ABANDONED = Duration.ofMinutes(2);

	private static final Duration HEARTBEAT = Duration.ofSeconds(30);

	private final ModelRepository models;

	private final LabelRepository labels;

	private final ReasonTaxonomy taxonomy;

	private final SentenceEncoder encoder;

	private final ReasonTrainer trainer;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final double holdoutShare;

	private final ExecutorService background = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("reason-training").daemon().factory());

	private final ScheduledExecutorService heartbeat = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reason-training-heartbeat").daemon().factory());

	private volatile LiveModel cached;

	ReasonModels(ModelRepository models, LabelRepository labels, ReasonTaxonomy taxonomy, SentenceEncoder encoder,
			ReasonTrainer trainer, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			@Value("${rootcase.reasons.holdout-share:0.2}") double holdoutShare) {
		this.models = models;
		this.labels = labels;
		this.taxonomy = taxonomy;
		this.encoder = encoder;
		this.trainer = trainer;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.holdoutShare = holdoutShare;
	}

	/** The model predictions are made with. */
	public record LiveModel(int version, ReasonClassifier classifier) {
	}

	public Optional<LiveModel> live() {
		Optional<Integer> version = this.models.liveVersion();
		if (version.isEmpty()) {
			return Optional.empty();
		}
		LiveModel current = this.cached;
		if (current != null && current.version() == version.get()) {
			return Optional.of(current);
		}
		synchronized (this) {
			if (this.cached == null || this.cached.version() != version.get()) {
				this.cached = this.models.find(version.get())
					.filter(this::canUse)
					.flatMap(v -> this.models.model(v.version()))
					.map(bytes -> new LiveModel(version.get(), read(bytes)))
					.orElse(null);
			}
			return Optional.ofNullable(this.cached);
		}
	}

	/** Loads the live model at start, so the first contact does not wait for it. */
	@EventListener(ApplicationReadyEvent.class)
	void loadLiveModel() {
		Optional<LiveModel> live = live();
		live.ifPresent(m -> log.info("Contact-reason model version {} loaded", m.version()));
		Optional<ModelVersion> unreadable = this.models.liveVersion()
			.flatMap(this.models::find)
			.filter(v -> live.isEmpty() && !canUse(v));
		unreadable.ifPresent(this::replace);
	}

	/**
	 * A version trained on another sentence encoder (before an upgrade changed it) cannot
	 * read this node's vectors: contacts stay unclassified until a version trained on
	 * this encoder is live, so one is trained at once rather than at the night's run.
	 */
	private void replace(ModelVersion stale) {
		log.warn("Contact-reason model version {} was trained on the sentence encoder {}, this node encodes with {};"
				+ " training a new version", stale.version(), stale.encoder(), this.encoder.name());
		try {
			requestRetraining("encoder change");
		}
		catch (ConflictException ex) {
			log.info("Another node is training a contact-reason model already");
		}
	}

	/**
	 * Whether this node can predict with the version: it was trained on the sentence
	 * encoders this node reads messages with. One that cannot is neither used nor made
	 * live.
	 */
	public boolean canUse(ModelVersion version) {
		return this.encoder.name().equals(version.encoder());
	}

	public List<ModelVersion> versions() {
		return this.models.all();
	}

	public ModelVersion version(int version) {
		return this.models.find(version)
			.orElseThrow(() -> new NotFoundException("there is no model version " + version));
	}

	/** Starts training a new version in the background and returns it while it trains. */
	public ModelVersion requestRetraining(String requestedBy) {
		int version = start(requestedBy);
		this.background.submit(() -> train(version));
		return version(version);
	}

	/** Trains a new version now and returns it evaluated, live or rejected. */
	public ModelVersion retrain(String requestedBy) {
		return train(start(requestedBy));
	}

	/** Whether examples were labelled since the last version was started. */
	public boolean hasNewExamples() {
		Optional<java.time.Instant> lastModel = this.models.lastStartedAt();
		Optional<java.time.Instant> lastExample = this.labels.lastLabelledAt();
		return lastExample.isPresent() && (lastModel.isEmpty() || lastExample.get().isAfter(lastModel.get()));
	}

	/** Makes an earlier (or rejected) version live again: a rollback. */
	public ModelVersion activate(int version) {
		ModelVersion target = version(version);
		if (target.status() == ModelStatus.LIVE) {
			return target;
		}
		if (target.status() == ModelStatus.TRAINING || target.status() == ModelStatus.FAILED) {
			throw new ConflictException(
					"model version " + version + " is " + Texts.words(target.status()) + " and cannot be made live");
		}
		if (!canUse(target)) {
			throw new ConflictException("model version " + version + " was trained on the sentence encoder "
					+ target.encoder() + " and cannot read " + this.encoder.name() + " vectors; train a new version");
		}
		this.transactions.executeWithoutResult(s -> {
			this.models.retireLive();
			this.models.setStatus(version, ModelStatus.LIVE);
			this.events.publishEvent(new ReasonModelWentLive(version));
		});
		return version(version);
	}

	private int start(String requestedBy) {
		return this.transactions.execute(s -> {
			Instant now = this.clock.instant();
			Instant silentSince = now.minus(ABANDONED);
			int abandoned = this.models.abandon(silentSince,
					"abandoned: no sign of life for " + ABANDONED.toMinutes() + " minutes (its node stopped)", now);
			if (abandoned > 0) {
				log.warn("{} contact-reason model training run(s) left by a stopped node marked failed", abandoned);
			}
			if (this.models.trainingAliveSince(silentSince)) {
				throw new ConflictException("a model is being trained; wait for it to finish");
			}
			return this.models.start(requestedBy, this.encoder.name(), now);
		});
	}

	private ModelVersion train(int version) {
		ScheduledFuture<?> alive = this.heartbeat.scheduleAtFixedRate(() -> beat(version), HEARTBEAT.toSeconds(),
				HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
		try {
			trainAndEvaluate(version);
		}
		catch (RuntimeException ex) {
			log.warn("Training contact-reason model version {} failed", version, ex);
			this.transactions
				.executeWithoutResult(s -> this.models.failed(version, ex.getMessage(), this.clock.instant()));
		}
		finally {
			alive.cancel(false);
		}
		return version(version);
	}

	/**
	 * One sign of life. A failed one is logged and the next still runs: a task that
	 * throws is never run again, and a training run that went silent for a database
	 * hiccup would be taken for abandoned.
	 */
	private void beat(int version) {
		try {
			this.models.alive(version, this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not record that contact-reason model version {} is still training", version, ex);
		}
	}

	private void trainAndEvaluate(int version) {
		List<LabelledExample> fit = new ArrayList<>();
		List<LabelledExample> heldOut = new ArrayList<>();
		Map<String, String> current = this.taxonomy.currentKeys();
		Set<String> active = this.taxonomy.active().stream().map(ReasonView::key).collect(Collectors.toSet());
		for (TrainingExample example : this.labels.allExamples()) {
			String reason = current.getOrDefault(example.reasonKey(), example.reasonKey());
			if (!active.contains(reason)) {
				continue;
			}
			// The same examples are held out on every run, so versions are compared
			// fairly.
			boolean holdOut = Math.floorMod(example.id().hashCode(), 1000) < this.holdoutShare * 1000;
			(holdOut ? heldOut : fit).add(new LabelledExample(example.text(), reason));
		}
		ReasonTrainer.Encoded evaluation = this.trainer.encode(heldOut);
		ReasonClassifier model = this.trainer.train(fit);
		ReasonEvaluation result = ReasonEvaluation.of(model, evaluation);
		Double liveAccuracy = live().map(l -> ReasonEvaluation.of(l.classifier(), evaluation).accuracy()).orElse(null);
		boolean better = heldOut.isEmpty() ? liveAccuracy == null
				: liveAccuracy == null || result.accuracy() >= liveAccuracy;
		String note = heldOut.isEmpty() ? "no held-out examples to evaluate on" : better ? null
				: String.format("accuracy %.3f is below the live model's %.3f", result.accuracy(), liveAccuracy);
		byte[] bytes = write(model);
		this.transactions.executeWithoutResult(s -> {
			if (better) {
				this.models.retireLive();
			}
			this.models.finish(version, better ? ModelStatus.LIVE : ModelStatus.REJECTED, result, fit.size(),
					model.labels().size(), model.minConfidence(), liveAccuracy, note, bytes, this.clock.instant());
			if (better) {
				this.events.publishEvent(new ReasonModelWentLive(version));
			}
		});
		log.info("Contact-reason model version {}: accuracy {} on {} held-out examples, {}", version, result.accuracy(),
				heldOut.size(), better ? "live" : "rejected");
	}

	private static byte[] write(ReasonClassifier model) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			model.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ReasonClassifier read(byte[] bytes) {
		try {
			return ReasonClassifier.readFrom(new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
		this.heartbeat.shutdownNow();
	}

}
