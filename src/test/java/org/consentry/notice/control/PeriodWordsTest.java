package org.consentry.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import org.junit.jupiter.api.Test;

class PeriodWordsTest {

    @Test
    void polishHasThreePluralForms() {
        assertEquals("1 rok", PeriodWords.say(Period.ofYears(1), "pl"));
        assertEquals("2 lata", PeriodWords.say(Period.ofYears(2), "pl"));
        assertEquals("5 lat", PeriodWords.say(Period.ofYears(5), "pl"));
        assertEquals("12 lat", PeriodWords.say(Period.ofYears(12), "pl"));
        assertEquals("22 lata", PeriodWords.say(Period.ofYears(22), "pl"));
        assertEquals("1 miesiąc", PeriodWords.say(Period.ofMonths(1), "pl"));
        assertEquals("3 miesiące", PeriodWords.say(Period.ofMonths(3), "pl"));
        assertEquals("6 miesięcy", PeriodWords.say(Period.ofMonths(6), "pl"));
        assertEquals("1 dzień", PeriodWords.say(Period.ofDays(1), "pl"));
        assertEquals("90 dni", PeriodWords.say(Period.ofDays(90), "pl"));
        assertEquals("1 rok 6 miesięcy", PeriodWords.say(Period.of(1, 6, 0), "pl"));
    }

    @Test
    void englishHasTwo() {
        assertEquals("1 year", PeriodWords.say(Period.ofYears(1), "en"));
        assertEquals("2 years 1 month 30 days", PeriodWords.say(Period.of(2, 1, 30), "en"));
    }
}
