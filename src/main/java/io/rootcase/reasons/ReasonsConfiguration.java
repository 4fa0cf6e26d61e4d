package io.rootcase.reasons;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReasonsConfiguration {

	@Bean
	SentenceEncoder sentenceEncoder() {
		return new MiniLmSentenceEncoder();
	}

	@Bean
	ReasonTrainer reasonTrainer(SentenceEncoder encoder, @Value("${rootcase.reasons.cost:0.3}") double cost,
			@Value("${rootcase.reasons.embedding-weight:1.5}") double embeddingWeight,
			@Value("${rootcase.reasons.unclassified-share:0.05}") double unclassifiedShare) {
		ReasonTrainer.Settings standard = ReasonTrainer.Settings.standard();
		return new ReasonTrainer(encoder, new ReasonTrainer.Settings(cost, embeddingWeight, standard.calibrationShare(),
				unclassifiedShare, standard.seed()));
	}

}
