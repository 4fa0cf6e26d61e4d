package io.rootcase.reasons;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.rootcase.cases.CaseView;
import io.rootcase.cases.Cases;
import io.rootcase.cases.MatterReader;
import io.rootcase.cases.ReasonSource;
import io.rootcase.customers.CustomerErased;
import io.rootcase.intake.Contact;
import io.rootcase.intake.ContactIntake;
import io.rootcase.intake.ContactMoved;
import io.rootcase.intake.ContactReceived;
import io.rootcase.shared.Direction;
import io.rootcase.shared.InvalidRequestException;
import io.rootcase.shared.NotFoundException;
import io.rootcase.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every inbound contact a reason with a confidence as it arrives, or leaves it to
 * triage; takes agents' confirmations and corrections as training data.
 */
@Service
public class ContactReasons implements MatterReader {

	private static final Logger log = LoggerFactory.getLogger(ContactReasons.class);

	/** Contacts read per transaction when a model goes live. */
	private static final int BATCH = 100;

	/**
	 * Readings made to thread a contact, kept until its label is written so the message
	 * is not encoded twice; bounded, since a burst can run ahead of the labelling.
	 */
	private static final int KEPT_READINGS = 4096;

	/**
	 * How sure the model must be of a contact's reason for threading to go by it. A
	 * contact put in a new case by mistake splits a conversation, so this asks more than
	 * the triage threshold (about one half on BANKING77); at 0.9 the first stage alone
	 * was as accurate as the whole model (decision 0011).
	 */
	static final double MATTER_CONFIDENCE = 0.9;

	private final LabelRepository labels;

	private final CaseVectors vectors;

	private final ReasonModels models;

	private final ReasonTaxonomy taxonomy;

	private final JoinedSentenceEncoder encoder;

	private final Cases cases;

	private final ContactIntake intake;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, Reading> threadingReadings = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
				return size() > KEPT_READINGS;
			}
		});

	ContactReasons(LabelRepository labels, CaseVectors vectors, ReasonModels models, ReasonTaxonomy taxonomy,
			JoinedSentenceEncoder encoder, Cases cases, ContactIntake intake, TransactionTemplate transactions,
			Clock clock) {
		this.intake = intake;
		this.labels = labels;
		this.vectors = vectors;
		this.models = models;
		this.taxonomy = taxonomy;
		this.encoder = encoder;
		this.cases = cases;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Runs after the contact is stored, outside intake's transaction, so a slow or
	 * failing prediction never holds up or fails the intake.
	 */
	@ApplicationModuleListener
	void on(ContactReceived contact) {
		// Heard after commit: the customer may have been erased since (their contact's
		// text with them), and their words must not come back as a label or a vector.
		boolean erased = this.intake.find(contact.contactId())
			.map(c -> CustomerErased.TEXT.equals(c.text()))
			.orElse(true);
		if (contact.direction() == Direction.INBOUND && !erased) {
			classify(contact.contactId(), contact.caseId(), contact.text());
		}
	}

	/**
	 * A contact an agent moved takes its reason and meaning to the case it went to; the
	 * case it left is read again from the contacts it keeps. A contact not read yet is
	 * read now, on its new case.
	 */
	@ApplicationModuleListener
	void on(ContactMoved moved) {
		if (moved.direction() != Direction.INBOUND) {
			return;
		}
		// Where it is now: moves of one contact in quick succession may be heard in any
		// order.
		UUID caseId = this.intake.find(moved.contactId()).map(Contact::caseId).orElse(moved.toCaseId());
		// Read on that case unless it was read on another, also by a listener of its
		// arrival running at the same moment.
		ContactLabel label = classify(moved.contactId(), caseId, moved.text());
		if (!label.caseId().equals(caseId)) {
			this.labels.moveToCase(label.contactId(), caseId);
			giveReason(caseId, label);
			if (!label.text().isEmpty()) {
				this.vectors.putIfAbsent(caseId, this.encoder.meaning().name(),
						() -> this.encoder.read(label.text()).meaning(), this.clock.instant());
			}
		}
		if (!moved.fromCaseId().equals(caseId)) {
			reread(moved.fromCaseId(), label.predictedAt());
		}
	}

	private void giveReason(UUID caseId, ContactLabel label) {
		if (label.reasonKey() == null) {
			return;
		}
		if (label.state().byAgent()) {
			this.cases.find(caseId)
				.ifPresent(c -> this.cases.chooseReason(c.reference(), label.reasonKey(), label.labelledBy()));
		}
		else {
			// As for arrivals, the case carries its newest reasoned contact's reason: a
			// contact moved in that is older than the case's own leaves the reason as it
			// is, and contacts of a merged case heard in any order agree.
			newestReason(this.labels.ofCase(caseId)).ifPresent(r -> this.cases.reasonPredicted(caseId, r));
		}
	}

	private static Optional<String> newestReason(List<ContactLabel> labelsOfCase) {
		return labelsOfCase.reversed().stream().map(ContactLabel::reasonKey).filter(Objects::nonNull).findFirst();
	}

	/**
	 * A case that lost a contact: its predicted reason is its newest remaining reasoned
	 * contact's, as if that one had come last, or none; its meaning is its opening
	 * message's.
	 * @param movedReadAt when the moved contact was read
	 */
	private void reread(UUID caseId, Instant movedReadAt) {
		List<ContactLabel> left = this.labels.ofCase(caseId);
		Optional<String> reason = newestReason(left);
		CaseView kase = this.cases.find(caseId).orElseThrow();
		if (kase.contactReasonSource() == ReasonSource.PREDICTED) {
			if (reason.isPresent()) {
				this.cases.reasonPredicted(caseId, reason.get());
			}
			else {
				this.cases.reasonWithdrawn(caseId);
			}
		}
		if (left.isEmpty()) {
			this.vectors.remove(caseId);
		}
		else if (!movedReadAt.isAfter(left.get(0).predictedAt()) && !left.get(0).text().isEmpty()) {
			// The moved contact was the case's opening message, whose meaning stood for
			// it.
			this.vectors.replace(caseId, this.encoder.meaning().name(), this.encoder.read(left.get(0).text()).meaning(),
					this.clock.instant());
		}
	}

	/** Predicts the reason of a stored inbound contact, once. */
	@Transactional
	public ContactLabel classify(UUID contactId, UUID caseId, String text) {
		Optional<ContactLabel> existing = this.labels.find(contactId);
		if (existing.isPresent()) {
			return existing.get();
		}
		String clipped = clipped(text);
		Reading kept = this.threadingReadings.remove(clipped);
		Reading reading = kept != null ? kept : read(clipped);
		ContactLabel label = reading.label(contactId, caseId, clipped, this.clock.instant());
		if (!this.labels.insertPrediction(label)) {
			return this.labels.find(contactId).orElseThrow();
		}
		reading.reason().ifPresent(r -> this.cases.reasonPredicted(caseId, r.key()));
		if (reading.meaning() != null) {
			this.vectors.putIfAbsent(caseId, this.encoder.meaning().name(), reading::meaning, this.clock.instant());
		}
		return label;
	}

	/**
	 * Read while the contact is threaded, inside intake's transaction; the reading is
	 * kept for the contact's label. A reason the model is less than
	 * {@link #MATTER_CONFIDENCE} sure of counts as not known.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<String> reasonOf(String text) {
		String clipped = clipped(text);
		Reading reading;
		try {
			reading = read(clipped);
		}
		catch (RuntimeException ex) {
			// Threading must not fail the intake: without a reading the contact threads
			// by time, and the reading after intake tries again (and is retried).
			log.warn("Could not read a contact to thread it by matter; it threads by time", ex);
			return Optional.empty();
		}
		this.threadingReadings.put(clipped, reading);
		return reading.reason()
			.filter(r -> reading.prediction().confidence() >= MATTER_CONFIDENCE)
			.map(ReasonView::key);
	}

	/**
	 * What a labelled contact is about, as surely as threading asks: an agent's label, or
	 * a prediction at least {@link #MATTER_CONFIDENCE} sure; else nothing.
	 */
	public Optional<String> matterOf(ContactLabel label) {
		boolean sure = label.state().byAgent()
				|| (label.confidence() != null && label.confidence() >= MATTER_CONFIDENCE);
		return sure ? Optional.ofNullable(label.reasonKey()) : Optional.empty();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean sameMatter(String reasonKey, String otherReasonKey) {
		return this.taxonomy.countsAs(reasonKey).equals(this.taxonomy.countsAs(otherReasonKey));
	}

	private static String clipped(String text) {
		return text == null ? "" : ReasonClassifier.clip(text).strip();
	}

	/**
	 * Contacts that came while no model could read them (none trained yet, or the live
	 * one trained on another sentence encoder before an upgrade) wait in triage; once a
	 * model goes live they are read as if they had just come, so an upgrade does not
	 * leave them to be labelled by hand. Outside a transaction: each batch commits on its
	 * own, so a long backlog neither holds locks nor starts over after a failure.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReasonModelWentLive live) {
		readUnread();
	}

	/**
	 * Reads the contacts no model has read yet with the live model, if there is one. Also
	 * run on a schedule ({@code UnreadContactsJob}): a contact taken in by another node
	 * just as a model went live can miss the reading the event starts.
	 * @return how many were read
	 */
	public int readUnread() {
		int read = 0;
		for (int batch = readBatch(); batch > 0; batch = readBatch()) {
			read += batch;
		}
		if (read > 0) {
			log.info("Contact-reason model read {} contacts that came while no model could", read);
		}
		return read;
	}

	/**
	 * @return how many of a batch of unread contacts were read, 0 when none is left or no
	 * model is live
	 */
	private int readBatch() {
		Integer read = this.transactions.execute(status -> {
			int count = 0;
			for (ContactLabel waiting : this.labels.unread(BATCH)) {
				Reading reading = read(waiting.text());
				if (reading.model().isEmpty()) {
					break;
				}
				if (this.labels.predictedLate(
						reading.label(waiting.contactId(), waiting.caseId(), waiting.text(), waiting.predictedAt()))) {
					reading.reason().ifPresent(r -> this.cases.reasonPredicted(waiting.caseId(), r.key()));
				}
				count++;
			}
			return count;
		});
		return read == null ? 0 : read;
	}

	/** What the sentence encoders and the live model, if any, make of a message. */
	private Reading read(String clipped) {
		JoinedSentenceEncoder.Encoding encoding = clipped.isEmpty() ? null : this.encoder.read(clipped);
		Optional<ReasonModels.LiveModel> model = encoding == null ? Optional.empty() : this.models.live();
		Prediction prediction = model.map(m -> m.classifier().predict(clipped, encoding.meaning(), encoding::whole))
			.orElse(Prediction.none(clipped.isEmpty() ? Doubt.EMPTY : Doubt.NOT_READ));
		Optional<ReasonView> reason = prediction.unclassified() ? Optional.empty()
				: this.taxonomy.current(prediction.reasonKey());
		return new Reading(encoding == null ? null : encoding.meaning(), model, prediction, reason);
	}

	/**
	 * @param meaning the message's vector from the meaning's encoder
	 */
	private record Reading(float[] meaning, Optional<ReasonModels.LiveModel> model, Prediction prediction,
			Optional<ReasonView> reason) {

		ContactLabel label(UUID contactId, UUID caseId, String text, Instant at) {
			return new ContactLabel(contactId, caseId,
					this.reason.isPresent() ? LabelState.PREDICTED : LabelState.UNCLASSIFIED, text,
					this.prediction.reasonKey(),
					this.prediction.reasonKey() == null ? null : this.prediction.confidence(),
					this.model.map(ReasonModels.LiveModel::version).orElse(null),
					this.reason.map(ReasonView::key).orElse(null), at, null, null, doubt());
		}

		/** Why the contact waits in triage, if it does. */
		private Doubt doubt() {
			if (this.prediction.unclassified()) {
				return this.prediction.doubt();
			}
			return this.reason.isEmpty() ? Doubt.REASON_RETIRED : null;
		}

	}

	/** A case's opening message and its meaning as a vector. */
	public record CaseMeaning(UUID caseId, String text, float[] vector) {
	}

	/** The meanings of those of the cases whose opening message has been read. */
	@Transactional(readOnly = true)
	public List<CaseMeaning> meanings(List<UUID> caseIds) {
		Map<UUID, float[]> found = this.vectors.of(caseIds, this.encoder.meaning().name());
		Map<UUID, String> texts = this.labels.openingTexts(new ArrayList<>(found.keySet()));
		return caseIds.stream()
			.filter(id -> found.containsKey(id) && texts.containsKey(id))
			.map(id -> new CaseMeaning(id, texts.get(id), found.get(id)))
			.toList();
	}

	@Transactional(readOnly = true)
	public ContactLabel labelOf(UUID contactId) {
		return this.labels.find(contactId)
			.orElseThrow(() -> new NotFoundException("contact " + contactId + " has no reason (yet)"));
	}

	@Transactional(readOnly = true)
	public List<ContactLabel> labelsOfCase(UUID caseId) {
		return this.labels.ofCase(caseId);
	}

	/** Contacts waiting for a person to give them a reason, newest first. */
	@Transactional(readOnly = true)
	public List<TriageItem> triage(int limit) {
		List<TriageItem> items = new ArrayList<>();
		for (ContactLabel label : this.labels.inState(LabelState.UNCLASSIFIED, limit)) {
			List<ReasonView> suggestions = label.predictedKey() == null ? List.of()
					: this.taxonomy.current(label.predictedKey()).stream().toList();
			items.add(new TriageItem(label, this.cases.find(label.caseId()).map(CaseView::reference).orElse(null),
					suggestions));
		}
		return items;
	}

	@Transactional(readOnly = true)
	public long waitingInTriage() {
		return this.labels.countInState(LabelState.UNCLASSIFIED);
	}

	/** Contacts in triage that no model has read yet. */
	@Transactional(readOnly = true)
	public long notReadByAModel() {
		return this.labels.countUnread();
	}

	/**
	 * An agent gives a contact its reason: confirming or correcting the classifier. The
	 * contact becomes a training example and its case takes the reason.
	 */
	@Transactional
	public ContactLabel label(UUID contactId, String reasonKey, String agent) {
		ContactLabel label = labelOf(contactId);
		ReasonView reason = this.taxonomy.requireActive(reasonKey, "reasonKey");
		labelledByAgent(label, reason, agent);
		this.cases.find(label.caseId()).ifPresent(c -> this.cases.chooseReason(c.reference(), reason.key(), agent));
		return labelOf(contactId);
	}

	/**
	 * An agent sets what a case is about; the contact that opened it is labelled with the
	 * same reason, so the choice also teaches the classifier.
	 */
	@Transactional
	public CaseView chooseCaseReason(String caseReference, String reasonKey, String agent) {
		ReasonView reason = this.taxonomy.requireActive(reasonKey, "reasonKey");
		CaseView updated = this.cases.chooseReason(caseReference, reason.key(), agent);
		this.labels.ofCase(updated.id()).stream().findFirst().ifPresent(first -> labelledByAgent(first, reason, agent));
		return updated;
	}

	private void labelledByAgent(ContactLabel label, ReasonView reason, String agent) {
		Instant now = this.clock.instant();
		boolean agrees = reason.key().equals(label.predictedKey());
		this.labels.labelled(label.contactId(), agrees ? LabelState.CONFIRMED : LabelState.CORRECTED, reason.key(),
				agent, now);
		this.labels.putExample(LabelRepository.newExample(label.text(), reason.key(),
				agrees ? ExampleSource.CONFIRMED : ExampleSource.CORRECTED, label.contactId(), agent, now));
	}

	@Transactional(readOnly = true)
	public List<TrainingExample> examples(ExampleSource source, int limit, long offset) {
		return this.labels.examples(source, limit, offset);
	}

	@Transactional(readOnly = true)
	public long countExamples(ExampleSource source) {
		return this.labels.countExamples(source);
	}

	/**
	 * Imports a CSV file of labelled messages ({@code text,category}, categories being
	 * reason keys). A file with any bad row or unknown reason imports nothing.
	 * @return the import's warnings, such as reasons with few examples
	 */
	@Transactional
	public ImportResult importExamples(Reader csv, String actor) {
		TrainingFile.Parsed parsed = TrainingFile.read(csv);
		List<InvalidRequestException.Problem> problems = new ArrayList<>();
		Set<String> active = this.taxonomy.active().stream().map(ReasonView::key).collect(Collectors.toSet());
		for (int i = 0; i < parsed.examples().size(); i++) {
			String key = parsed.examples().get(i).reasonKey();
			if (!active.contains(key)) {
				problems.add(new InvalidRequestException.Problem(parsed.lines().get(i), "category",
						Texts.quoted(key) + " is not an active contact reason"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(
					problems.size() + " row(s) name unknown or retired reasons; nothing was imported", problems);
		}
		addExamples(parsed.examples(), actor);
		return new ImportResult(parsed.examples().size(), parsed.warnings());
	}

	/**
	 * Adds labelled messages from elsewhere (an import, a history) to the training data.
	 */
	@Transactional
	public void addExamples(List<LabelledExample> examples, String actor) {
		Instant now = this.clock.instant();
		examples.forEach(e -> this.labels
			.putExample(LabelRepository.newExample(e.text(), e.reasonKey(), ExampleSource.IMPORTED, null, actor, now)));
	}

	/** What an import of labelled examples did. */
	public record ImportResult(int imported, List<String> warnings) {
	}

}
