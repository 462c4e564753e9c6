package org.consentry.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who handed an escalation over and how to reach its conversation there: {@link #API} (the generic API, no
 * route) or a bot platform's adapter (botframework, dialogflow-cx, rasa) with the adapter's own route text.
 * Agents' replies and the handoff's status go back the same way.
 */
@Embeddable
public class PlatformLink {

    public static final String API = "api";

    @Column(name = "platform", nullable = false, length = 32)
    private String platform = API;

    @Column(name = "platform_route", length = 2048)
    private String route;

    protected PlatformLink() {
    }

    PlatformLink(String platform, String route) {
        this.platform = platform;
        this.route = route;
    }

    public String platform() {
        return platform;
    }

    /** The adapter's route back to the conversation; null for the generic API. */
    public String route() {
        return route;
    }

    /** Whether a bot platform's adapter handed it over (not the generic API). */
    public boolean viaPlatform() {
        return !API.equals(platform);
    }
}
