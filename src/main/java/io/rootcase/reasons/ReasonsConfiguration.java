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

	@Bean
	ReasonTrainer reasonTrainer(JoinedSentenceEncoder encoder,
			@Value("${rootcase.reasons.cost:" + ReasonTrainer.Settings.COST + "}") double cost,
			@Value("${rootcase.reasons.embedding-weight:" + ReasonTrainer.Settings.WEIGHT_PER_ENCODER
					+ "}") double weightPerEncoder,
			@Value("${rootcase.reasons.unclassified-share:" + ReasonTrainer.Settings.UNCLASSIFIED_SHARE
					+ "}") double unclassifiedShare) {
		return new ReasonTrainer(encoder,
				ReasonTrainer.Settings.forEncoders(encoder.size(), cost, weightPerEncoder, unclassifiedShare));
	}

}
