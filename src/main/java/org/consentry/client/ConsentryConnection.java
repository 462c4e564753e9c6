package org.consentry.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the client reaches Consentry: consentry.client.url, as the host application (HTTP Basic with
 * consentry.client.user and .password, or a bearer token in consentry.client.token), every exchange bounded
 * by consentry.client.timeout (PT2S). Anything but a 200 with a JSON object is a {@link ConsentUnavailableException}.
 */
@ApplicationScoped
class ConsentryConnection {

    private HttpClient http;
    private URI base;
    private String authorization;
    private Duration timeout;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        ConsentClient.check(key -> config.getOptionalValue(key, String.class));
        String url = config.getValue("consentry.client.url", String.class);
        base = URI.create(url.endsWith("/") ? url : url + "/");
        authorization = config.getOptionalValue("consentry.client.token", String.class).map(t -> "Bearer " + t)
                .orElseGet(() -> "Basic " + Base64.getEncoder().encodeToString((config.getValue("consentry.client.user", String.class)
                        + ":" + config.getValue("consentry.client.password", String.class)).getBytes(StandardCharsets.UTF_8)));
        timeout = config.getOptionalValue("consentry.client.timeout", Duration.class).orElse(Duration.ofSeconds(2));
        http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET of a path under Consentry's base URL. */
    JsonObject get(String path, String purpose) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).GET(), purpose);
    }

    /** POST of a JSON body to a path under Consentry's base URL. */
    JsonObject post(String path, JsonObject body, String purpose) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), purpose);
    }

    private JsonObject exchange(HttpRequest.Builder request, String purpose) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).header("Accept", "application/json").header("Authorization", authorization)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConsentUnavailableException(purpose, "no answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsentUnavailableException(purpose, "interrupted", e);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw new ConsentUnavailableException(purpose, switch (status) {
                case 400 -> "Consentry refused the request (400)";
                case 401, 403 -> "Consentry refused the host's credentials (" + status + "): check consentry.client.*";
                case 404 -> "Consentry knows no such purpose (404)";
                default -> "Consentry answered " + status;
            }, null);
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new ConsentUnavailableException(purpose, "Consentry's answer is not JSON", e);
        }
    }
}
