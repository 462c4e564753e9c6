package org.consentry.platform.control;

/**
 * One component's part of the start-up check of its own settings (security finding 2): each key that
 * still has a value shipped for development, or a secret that is missing, is recorded as a problem
 * ({@link Settings#problem}) naming the key, never its value. {@link StartupSettings} asks every
 * check before anything else starts and refuses the start while any problem remains.
 */
public interface SettingsCheck {

    /** @param production whether the deployment runs in the production profile ({@code consentry.profile}) */
    void check(Settings settings, boolean production);
}
