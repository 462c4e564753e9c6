package org.consentry.platform.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.consentry.platform.control.ApiAddressCheck;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.StartupSettings;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * The document's servers and security schemes, from the configuration the server runs with (OWASP API
 * 2023: API8, API9), so that production never advertises an address or a sign-in it does not serve.
 * <ul>
 * <li>Servers: the HTTPS addresses operators configure, {@value #INTERNAL_URL} (for bots and CRMs inside
 * the network) and {@value #PUBLIC_URL} (reached from outside), each marked so in its description and in
 * {@code x-audience}. With neither set, production lists only "/" (the server that served the document,
 * over the scheme it was fetched with); the development profile lists its own HTTPS port and, only there,
 * the plain-HTTP one. An {@code http://} address in production stops the start ({@link ApiAddressCheck}).</li>
 * <li>HTTP Basic only where a user registry signs Consentry's users in by password: the development
 * server's basic registry, or a host registry the operator names with {@value #BASIC}=true.</li>
 * <li>The bearer scheme says which token rules (RFC 8725) Liberty's MP JWT enforces with this
 * configuration: issuer, audience, algorithm, expiry and clock skew, and the claim the roles come from.</li>
 * </ul>
 */
final class ApiServers {

    static final String INTERNAL_URL = ApiAddressCheck.INTERNAL_URL;
    static final String PUBLIC_URL = ApiAddressCheck.PUBLIC_URL;
    static final String BASIC = "consentry.openapi.basic";

    /** A server of the document: its URL, internal or public (x-audience), and what it is for. */
    record Address(String url, String audience, String description) {
    }

    /** What the document says of where and how to call, read from the configuration. */
    record Declared(List<Address> servers, boolean basic, String basicDescription, String bearerDescription) {
    }

    private ApiServers() {
    }

    static Declared declared(Function<String, Optional<String>> config) {
        Settings settings = new Settings(config);
        boolean production = !settings.optional(StartupSettings.PROFILE).orElse(StartupSettings.PRODUCTION).equals("development");
        List<Address> servers = new ArrayList<>();
        settings.optional(INTERNAL_URL).ifPresent(url -> servers.add(new Address(url, "internal",
                "Internal: for bots, CRMs and host applications inside the network (" + INTERNAL_URL + ")")));
        settings.optional(PUBLIC_URL).ifPresent(url -> servers.add(new Address(url, "public",
                "Public: reached from outside the network (" + PUBLIC_URL + ")")));
        if (servers.isEmpty() && production) {
            servers.add(new Address("/", "internal", "The server that served this document, over the scheme it was fetched with;"
                    + " operators name the addresses with " + INTERNAL_URL + " and " + PUBLIC_URL));
        } else if (servers.isEmpty()) {
            String host = settings.optional("http.host").filter(h -> !h.equals("*")).orElse("localhost");
            servers.add(new Address("https://" + host + ":" + settings.optional("https.port").orElse("9443"), "internal",
                    "Development server, HTTPS"));
            servers.add(new Address("http://" + host + ":" + settings.optional("http.port").orElse("9080"), "internal",
                    "Development server, plain HTTP: development profile only; production refuses plain HTTP"));
        }
        boolean basic = settings.optional(BASIC).map(Boolean::parseBoolean).orElse(!production);
        String basicDescription = production
                ? "HTTP Basic against the host's user registry, which signs Consentry's users in by password (" + BASIC + "=true);"
                        + " over HTTPS only"
                : "HTTP Basic against the development server's basic registry (its users and passwords are development values)";
        return new Declared(servers, basic, basicDescription, bearer(settings));
    }

    /** Sets the servers and the security schemes; the document's security names only the schemes it has. */
    static void apply(OpenAPI openAPI, Declared declared) {
        List<Server> servers = new ArrayList<>();
        for (Address address : declared.servers()) {
            servers.add(OASFactory.createServer().url(address.url()).description(address.description())
                    .addExtension("x-audience", address.audience()));
        }
        openAPI.setServers(servers);
        var schemes = openAPI.getComponents().getSecuritySchemes();
        SecurityScheme jwt = schemes == null ? null : schemes.get("jwt");
        if (jwt != null) {
            jwt.setDescription(declared.bearerDescription());
        }
        SecurityScheme basic = schemes == null ? null : schemes.get("basic");
        if (basic != null && declared.basic()) {
            basic.setDescription(declared.basicDescription());
        }
        if (!declared.basic()) {
            openAPI.getComponents().removeSecurityScheme("basic");
            List<SecurityRequirement> kept = new ArrayList<>();
            for (SecurityRequirement requirement : openAPI.getSecurity() == null ? List.<SecurityRequirement>of() : openAPI.getSecurity()) {
                if (!requirement.hasScheme("basic")) {
                    kept.add(requirement);
                }
            }
            openAPI.setSecurity(kept);
        }
    }

    private static String bearer(Settings settings) {
        String issuer = settings.optional("mp.jwt.verify.issuer").orElse("(not configured: no bearer token is accepted)");
        String audiences = settings.optional("mp.jwt.verify.audiences").orElse("consentry");
        String algorithm = settings.optional("mp.jwt.verify.publickey.algorithm").orElse("RS256");
        String skew = settings.optional("mp.jwt.verify.clock.skew").orElse("60");
        String age = settings.optional("mp.jwt.verify.token.age").map(a -> "iat at most " + a + " s old; ")
                .orElse("");
        String roles = settings.optional("consentry.jwt.roles-claim").orElse("groups");
        return "MP JWT bearer token, checked as RFC 8725 asks: signed with " + algorithm
                + " only (a public-key algorithm fixed by configuration, mp.jwt.verify.publickey.algorithm, never"
                + " taken from the token's header; \"none\" is refused); iss must be " + issuer + "; aud must contain "
                + audiences + "; exp is required and checked with " + skew + " s clock skew; " + age
                + "the roles (bot, agent, admin, crm, host) come from the claim " + roles + ".";
    }
}
