package org.consentry.notice.control;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** A retention period in words, in Polish (with its three plural forms) or English. */
public final class PeriodWords {

    private PeriodWords() {
    }

    public static String say(Period period, String language) {
        List<String> parts = new ArrayList<>();
        add(parts, period.getYears(), language, "rok", "lata", "lat", "year");
        add(parts, period.getMonths(), language, "miesiąc", "miesiące", "miesięcy", "month");
        add(parts, period.getDays(), language, "dzień", "dni", "dni", "day");
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, int n, String language, String one, String few, String many, String english) {
        if (n == 0) {
            return;
        }
        if ("pl".equals(language)) {
            parts.add(n + " " + polish(n, one, few, many));
        } else {
            parts.add(n + " " + english + (n == 1 ? "" : "s"));
        }
    }

    /** Polish plural: 1 rok, 2-4 lata (but 12-14 lat), 5+ lat, 22 lata. */
    static String polish(int n, String one, String few, String many) {
        if (n == 1) {
            return one;
        }
        int lastDigit = n % 10;
        int lastTwo = n % 100;
        return lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
    }
}
