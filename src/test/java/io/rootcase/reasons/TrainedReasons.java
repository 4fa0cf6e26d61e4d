package io.rootcase.reasons;

import java.util.List;

/**
 * Gives an integration test's application three reasons (billing, delivery, network) and
 * a live model trained with the real encoder on generated messages about them, once per
 * database.
 */
public final class TrainedReasons {

	public static final List<String> KEYS = List.of("billing", "delivery", "network");

	private TrainedReasons() {
	}

	public static synchronized void ensure(ReasonTaxonomy taxonomy, ContactReasons contactReasons,
			ReasonModels models) {
		// Another test's model (the demo's, say) may be live: only one that knows these
		// reasons will do.
		if (taxonomy.find("billing").isPresent()
				&& models.live().filter(m -> m.classifier().labels().containsAll(KEYS)).isPresent()) {
			return;
		}
		define(taxonomy, "billing", "Billing", "finance");
		define(taxonomy, "delivery", "Delivery", "shipping");
		define(taxonomy, "network", "Network", "network");
		contactReasons.addExamples(ReasonClassifierTests.generated(60, 11).train(), "test");
		ModelVersion version = models.retrain("test");
		if (version.status() != ModelStatus.LIVE) {
			models.activate(version.version());
		}
	}

	private static void define(ReasonTaxonomy taxonomy, String key, String name, String team) {
		if (taxonomy.find(key).isEmpty()) {
			taxonomy.add(new ReasonTaxonomy.Definition(key, name, null, team, null));
		}
	}

}
