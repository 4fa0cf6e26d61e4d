package io.rootcase.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL keeps no NUL character (U+0000) in a text column: a request carrying one
 * would fail inside the database with a server error, after H2 had taken it in every
 * test. JSON can carry one only escaped, which no person types: it is an integration's
 * bug, so the API refuses it with a 400 naming the field. (Form fields, which a person
 * fills, lose it instead: see {@link FormFields}.)
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

	static final char NUL = '\u0000';

	@Bean
	JsonMapperBuilderCustomizer refuseNulCharacters() {
		return builder -> builder
			.addModule(new SimpleModule("no-nul-characters").addDeserializer(String.class, new NoNulStrings()));
	}

	/** Jackson's own reading of a string, then the refusal. */
	static final class NoNulStrings extends StdScalarDeserializer<String> {

		NoNulStrings() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = StringDeserializer.instance.deserialize(parser, context);
			if (text != null && text.indexOf(NUL) >= 0) {
				return context.reportInputMismatch(this,
						"the text holds a NUL character (\\u0000), which cannot be stored");
			}
			return text;
		}

	}

}
