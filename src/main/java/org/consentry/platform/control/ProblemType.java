package org.consentry.platform.control;

import java.net.URI;

/**
 * One kind of problem (RFC 9457). The {@code type} URI is a tag URI (RFC 4151): stable and unique
 * without promising that anything can be fetched from it; clients match on its last segment.
 */
public record ProblemType(String slug, int status, String title) {

    static final String TYPE_PREFIX = "tag:consentry.org,2026:problems/";

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }
}
