package org.consentry.escalation.entity;

/**
 * What the bot reported about the AI disclosure (AI Act Art. 50(1)): whether the customer was told at
 * the first interaction that they were talking to an AI. A handoff without the field records nothing
 * (a null column), which the disclosure report lists beside NOT_SHOWN.
 */
public enum AiDisclosure {
    SHOWN, NOT_SHOWN;

    public static AiDisclosure of(Boolean shown) {
        return shown == null ? null : shown ? SHOWN : NOT_SHOWN;
    }
}
