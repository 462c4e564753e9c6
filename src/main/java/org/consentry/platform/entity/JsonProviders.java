package org.consentry.platform.entity;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: every {@code JSON.createXxx} call looks it up again through the
 * service loader, which showed up in the profile of a plain JSON endpoint under load.
 */
public final class JsonProviders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
