package org.consentry.platform.control;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs failures without their messages: exception messages (SQL errors, parser errors) can quote the
 * values that caused them, and those values may be personal data. The class chain and the stack
 * frames are enough to find the fault; the incident id ties the log line to the client's problem.
 */
public final class SafeLog {

    private SafeLog() {
    }

    public static void failure(Logger log, String incident, Throwable failure) {
        if (!log.isLoggable(Level.SEVERE)) {
            return;
        }
        var text = new StringBuilder("incident ").append(incident).append(": ");
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause(), depth++) {
            text.append(depth == 0 ? "" : "\n  caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                text.append("\n    at ").append(frames[i]);
            }
        }
        log.severe(text.toString());
    }
}
