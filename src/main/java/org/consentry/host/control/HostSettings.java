package org.consentry.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.consentry.outbox.control.WebhookSigner;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The host applications that use Consentry's client jar (their own beans guarded by Consentry) and want
 * to hear at once when a consent changes: consentry.hosts=a,b and, per host, consentry.host.&lt;id&gt;.url (the
 * client's receiver, .../consentry/consent-changes), .secret (whsec_..., a Liberty variable without a
 * default) and .allow-http (development only). Read once; a bad entry is named by its key, never its value.
 */
@ApplicationScoped
public class HostSettings {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** One host: where its receiver is and how deliveries to it are signed. */
    public record Host(String id, URI url, WebhookSigner signer) {
        public String lane() {
            return "host-" + id;
        }
    }

    private volatile Map<String, Host> hosts;

    /** The configured hosts by id. */
    public Map<String, Host> hosts() {
        Map<String, Host> known = hosts;
        if (known == null) {
            Config config = ConfigProvider.getConfig();
            known = read(key -> config.getOptionalValue(key, String.class), false);
            hosts = known;
        }
        return known;
    }

    public Optional<Host> host(String id) {
        return Optional.ofNullable(hosts().get(id));
    }

    /**
     * Parses every host's keys ({@code value}: a key's value, if set); the first problem is an
     * IllegalStateException naming the key. In production a host is reached over https only.
     */
    public static Map<String, Host> read(Function<String, Optional<String>> value, boolean production) {
        List<String> ids = value.apply("consentry.hosts").filter(v -> !v.isBlank()).map(v -> List.of(v.split(",")))
                .orElse(List.of());
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (String raw : ids) {
            String id = raw.strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("consentry.hosts: a host id is 1-32 of a-z, 0-9 and '-', starting with a letter or digit");
            }
            if (hosts.containsKey(id)) {
                throw new IllegalStateException("consentry.hosts names " + id + " twice");
            }
            String key = "consentry.host." + id + ".";
            URI url = value.apply(key + "url").map(u -> uri(key + "url", u))
                    .orElseThrow(() -> new IllegalStateException(key + "url is not set"));
            boolean allowHttp = !production && value.apply(key + "allow-http").map(Boolean::parseBoolean).orElse(false);
            if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && allowHttp)) {
                throw new IllegalStateException(key + "url must be https (" + key + "allow-http=true only in development)");
            }
            WebhookSigner signer = WebhookSigner.configured(key + "secret", value.apply(key + "secret"),
                    value.apply(key + "secret.previous"))
                    .orElseThrow(() -> new IllegalStateException(key + "secret is not set: a host hears of consent changes only signed"));
            hosts.put(id, new Host(id, url, signer));
        }
        return Map.copyOf(hosts);
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " is not an absolute URL");
        }
    }
}
