package org.consentry.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Consentry API", version = "1",
                description = "Consent, encryption, retention and erasure between a customer-service chatbot and a "
                        + "helpdesk/CRM. Every error is application/problem+json (RFC 9457). Each operation names the "
                        + "roles allowed to call it in x-roles."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "jwt")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "Development users of the basic registry"),
        @SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "MP JWT; the groups claim names the roles")})
public class ConsentryApplication extends Application {
}
