package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.consentry.platform.control.WebOrigin;
import org.junit.jupiter.api.Test;

/** The same-origin decision, on requests as a proxy that terminates TLS passes them on (plain HTTP). */
class SameOriginWritesTest {

    static final Set<WebOrigin> PUBLIC = Set.of(WebOrigin.parse("https://helpdesk.example.com").orElseThrow());

    @Test
    void behindAProxyTheConsolesPublicOriginIsSameOrigin() {
        assertFalse(SameOriginWrites.crossSite(proxied(Map.of("Origin", "https://helpdesk.example.com",
                "Sec-Fetch-Site", "same-origin")), PUBLIC));
        assertFalse(SameOriginWrites.crossSite(proxied(Map.of("Origin", "https://helpdesk.example.com:443")), PUBLIC));
    }

    @Test
    void behindAProxyEveryOtherOriginIsCrossSite() {
        for (String origin : new String[] {"https://evil.example", "null", "http://helpdesk.example.com",
                "https://helpdesk.example.com:8443", "https://helpdesk.example.com.evil.example",
                "https://helpdesk.example.com/", "http://backend:9080", "not an origin"}) {
            assertTrue(SameOriginWrites.crossSite(proxied(Map.of("Origin", origin)), PUBLIC), origin);
        }
        assertTrue(SameOriginWrites.crossSite(proxied(Map.of("Origin", "https://helpdesk.example.com",
                "Sec-Fetch-Site", "cross-site")), PUBLIC));
        assertTrue(SameOriginWrites.crossSite(proxied(Map.of("Origin", "https://helpdesk.example.com",
                "Sec-Fetch-Site", "same-site")), PUBLIC));
    }

    @Test
    void withPublicOriginsTheRequestsOwnSchemeHostAndPortDoNotCount() {
        // what Liberty reports when a client sends X-Forwarded-Proto: https and a Host of its choosing
        HttpServletRequest forged = request("https", "evil.example", 443, Map.of("Origin", "https://evil.example"));
        assertTrue(SameOriginWrites.crossSite(forged, PUBLIC));
        assertFalse(SameOriginWrites.crossSite(forged, Set.of()), "unconfigured, the request's own origin stands in");
    }

    @Test
    void withoutPublicOriginsTheRequestsOwnOriginIsSameOrigin() {
        HttpServletRequest direct = request("http", "localhost", 9080, Map.of("Origin", "http://localhost:9080"));
        assertFalse(SameOriginWrites.crossSite(direct, Set.of()));
        assertTrue(SameOriginWrites.crossSite(request("http", "localhost", 9080, Map.of("Origin", "http://localhost:9081")), Set.of()));
        assertTrue(SameOriginWrites.crossSite(request("http", "localhost", 9080, Map.of("Origin", "null")), Set.of()));
    }

    @Test
    void requestsWithoutBrowserHeadersAreNotBrowsersAndPass() {
        assertFalse(SameOriginWrites.crossSite(proxied(Map.of()), PUBLIC));
        assertFalse(SameOriginWrites.crossSite(proxied(Map.of("Sec-Fetch-Site", "none")), PUBLIC));
    }

    /** What the server sees behind the proxy: plain HTTP to its own address. */
    private static HttpServletRequest proxied(Map<String, String> headers) {
        return request("http", "10.0.0.5", 9080, headers);
    }

    private static HttpServletRequest request(String scheme, String host, int port, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SameOriginWritesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getScheme" -> scheme;
                    case "getServerName" -> host;
                    case "getServerPort" -> port;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
