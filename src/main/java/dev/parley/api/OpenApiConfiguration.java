package dev.parley.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document served at /api/v1/openapi and browsable at /api/docs. */
@Configuration
class OpenApiConfiguration {

	@Bean
	OpenAPI parleyOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Parley API").version("v1")
				.description("The customer's own data and the center's data about them. Authenticate with a bearer "
						+ "token created on the API tokens page. Errors are RFC 9457 problem details; invalid input "
						+ "lists each field under `errors`.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
