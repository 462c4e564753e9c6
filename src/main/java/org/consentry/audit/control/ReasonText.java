package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes a free-text reason fit for the audit: one line, bounded. (Personal data that a person typed
 * into it is masked by the redaction scanner.)
 */
@ApplicationScoped
public class ReasonText {

    static final int MAX = 300;

    public String clean(String reason) {
        String oneLine = reason.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX);
    }
}
