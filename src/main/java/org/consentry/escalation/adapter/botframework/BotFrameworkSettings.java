package org.consentry.escalation.adapter.botframework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bot's registration as Consentry knows it: its app id (the audience of the channel's tokens and the
 * client id of Consentry's own), the password (a Liberty variable, never in a file of the WAR), where
 * the channel's keys and Consentry's tokens come from, and which service URLs a conversation may name.
 */
@ApplicationScoped
public class BotFrameworkSettings {

    public static final String PREFIX = "consentry.platforms.botframework.";

    @Inject
    @ConfigProperty(name = PREFIX + "app-id")
    Optional<String> appId;

    @Inject
    @ConfigProperty(name = PREFIX + "app-password")
    Optional<String> appPassword;

    @Inject
    @ConfigProperty(name = PREFIX + "issuer", defaultValue = "https://api.botframework.com")
    String issuer;

    @Inject
    @ConfigProperty(name = PREFIX + "jwks-url", defaultValue = "https://login.botframework.com/v1/.well-known/keys")
    URI jwksUrl;

    @Inject
    @ConfigProperty(name = PREFIX + "token-url",
            defaultValue = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")
    URI tokenUrl;

    @Inject
    @ConfigProperty(name = PREFIX + "scope", defaultValue = "https://api.botframework.com/.default")
    String scope;

    @Inject
    @ConfigProperty(name = PREFIX + "allowed-service-urls")
    Optional<List<String>> allowedServiceUrls;

    /** Development only: a connector on plain HTTP (a fake on loopback); the start-up check refuses it in production. */
    @Inject
    @ConfigProperty(name = PREFIX + "allow-http", defaultValue = "false")
    boolean allowHttp;

    public Optional<String> appId() {
        return appId.map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> appPassword() {
        return appPassword.filter(s -> !s.isBlank());
    }

    public String issuer() {
        return issuer;
    }

    public URI jwksUrl() {
        return jwksUrl;
    }

    public URI tokenUrl() {
        return tokenUrl;
    }

    public String scope() {
        return scope;
    }

    public ServiceUrls serviceUrls() {
        return new ServiceUrls(allowedServiceUrls.orElse(List.of()), allowHttp);
    }
}
