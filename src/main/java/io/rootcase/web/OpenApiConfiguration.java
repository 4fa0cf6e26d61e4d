package io.rootcase.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI rootcaseOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Rootcase API")
				.description("Contacts from every channel, cases, customers and their timelines. "
						+ "Authenticate with an API token: 'Authorization: Bearer <token>'. "
						+ "Errors are RFC 9457 problem details.")
				.version("v1")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("apiToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"));
	}

}
