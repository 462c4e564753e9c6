package org.consentry.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.control.RedactionPolicy;
import org.consentry.redaction.control.Redactor;
import org.consentry.redaction.entity.Operator;

/**
 * Makes a free-text reason fit for the audit: one line, bounded, and whatever personal data a person
 * typed into it dropped ({@code [EMAIL]}, {@code [PESEL]}, ...), since the audit holds none.
 */
@ApplicationScoped
public class ReasonText {

    static final int MAX = 300;
    private static final Redactor REDACTOR = new Redactor(PiiScanner.standard());
    private static final RedactionPolicy DROP_ALL = RedactionPolicy.everything(Operator.DROP);

    public String clean(String reason) {
        return REDACTOR.newTranscript(DROP_ALL, null).redact(line(reason)).text();
    }

    /** The reason on one line and bounded, personal data still in it (for those who seal it). */
    public String line(String reason) {
        String oneLine = reason.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX);
    }
}
