package io.rootcase.reasons;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * What an operator watches of contact reasons: whether a model can read contacts at all,
 * and how many wait for a person or for a model. Read from the database at each scrape,
 * so every node reports the cluster's figures (aggregate with max).
 */
@Component
class ReasonMetrics implements MeterBinder {

	private final ReasonModels models;

	private final ContactReasons contactReasons;

	ReasonMetrics(ReasonModels models, ContactReasons contactReasons) {
		this.models = models;
		this.contactReasons = contactReasons;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("rootcase.reasons.model.usable", this.models, m -> m.live().isPresent() ? 1 : 0)
			.description("1 when a live contact-reason model this node can read with is loaded, else 0")
			.register(registry);
		Gauge.builder("rootcase.reasons.triage", this.contactReasons, ContactReasons::waitingInTriage)
			.description("Contacts waiting in triage for a person to give them a reason")
			.register(registry);
		Gauge.builder("rootcase.reasons.unread", this.contactReasons, ContactReasons::notReadByAModel)
			.description("Contacts in triage that no model has read yet (none was live, or none could read them)")
			.register(registry);
	}

}
