package io.rootcase.reasons;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReasonsConfiguration {

	@Bean
	JoinedSentenceEncoder sentenceEncoder(
			@Value("${rootcase.reasons.encoders:all-MiniLM-L6-v2-q,bge-small-en-v1.5-q}") List<String> encoders) {
		return JoinedSentenceEncoder.of(encoders);
	}

	/**
	 * Each encoder's part of the joined vector is a 1/sqrt(n) share of it; the weight is
	 * set per encoder so that it means the same for a list of one encoder or two.
	 */
	@Bean
	ReasonTrainer reasonTrainer(JoinedSentenceEncoder encoder, @Value("${rootcase.reasons.cost:0.5}") double cost,
			@Value("${rootcase.reasons.embedding-weight:" + ReasonTrainer.Settings.WEIGHT_PER_ENCODER
					+ "}") double weightPerEncoder,
			@Value("${rootcase.reasons.unclassified-share:0.05}") double unclassifiedShare) {
		ReasonTrainer.Settings standard = ReasonTrainer.Settings.standard(encoder.size());
		return new ReasonTrainer(encoder, new ReasonTrainer.Settings(cost, weightPerEncoder * Math.sqrt(encoder.size()),
				standard.calibrationShare(), unclassifiedShare, standard.seed()));
	}

}
