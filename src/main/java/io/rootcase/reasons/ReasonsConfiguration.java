package io.rootcase.reasons;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReasonsConfiguration {

	@Bean
	JoinedSentenceEncoder sentenceEncoder() {
		return JoinedSentenceEncoder.standard();
	}

	@Bean
	ReasonTrainer reasonTrainer(SentenceEncoder encoder, @Value("${rootcase.reasons.cost:0.5}") double cost,
			@Value("${rootcase.reasons.embedding-weight:2.1}") double embeddingWeight,
			@Value("${rootcase.reasons.unclassified-share:0.05}") double unclassifiedShare) {
		ReasonTrainer.Settings standard = ReasonTrainer.Settings.standard();
		return new ReasonTrainer(encoder, new ReasonTrainer.Settings(cost, embeddingWeight, standard.calibrationShare(),
				unclassifiedShare, standard.seed()));
	}

}
