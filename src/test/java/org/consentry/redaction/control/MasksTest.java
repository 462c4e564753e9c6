package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.consentry.redaction.entity.PiiType;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EMAIL | jan.kowalski@example.com | j***@e***.com",
            "EMAIL | łucja@łódź.example.pl | ł***@ł***.pl",
            "PHONE | +48 600 100 789 | +48 *** *** 789",
            "PHONE | +48600100789 | +48 *** *** 789",
            "PHONE | 0048 600 100 789 | +48 *** *** 789",
            "PHONE | +1 (415) 555-2671 | +1 *** *** 671",
            "PHONE | +420 601 123 456 | +420 *** *** 456",
            "PHONE | 600-100-789 | *** *** 789",
            "PHONE | (22) 123 45 67 | *** *** 567",
            "CARD | 4111 1111 1111 1234 | **** 1234",
            "CARD | 378282246310005 | **** 0005",
            "IBAN | PL61 1090 1014 0000 0712 1981 2874 | PL** **** 2874",
            "IBAN | GB29NWBK60161331926819 | GB** **** 6819",
            "IBAN | 61 1090 1014 0000 0712 1981 2874 | ** **** 2874",
            "PESEL | 44051401359 | ***********",
            "NIP | 526-025-02-74 | ***-***-**-74",
            "NIP | PL5260250274 | ***-***-**-74",
            "IPV4 | 203.0.113.7 | 203.*.*.*",
            "IPV6 | 2001:db8::1 | 2001:*:*:*:*:*:*:*",
            "IPV6 | ::1 | *:*:*:*:*:*:*:*",
    })
    @Proves(Duty.GDPR_5_1_C)
    void keepsOnlyAHint(PiiType type, String value, String mask) {
        assertEquals(mask, Masks.mask(type, value));
    }

    @Test
    void neverThrowsOnOddValues() {
        for (PiiType type : PiiType.values()) {
            for (String odd : new String[] {null, "", "x", "@", "a@b", "@.", "a@.b", "\uD800", "\uD800@\uDC00.pl", "+", "00", "....", ":::"}) {
                assertDoesNotThrow(() -> Masks.mask(type, odd), type + " " + odd);
            }
        }
        assertEquals("***", Masks.mask(PiiType.EMAIL, "no-at-sign"));
        assertEquals("**** ***", Masks.mask(PiiType.CARD, "12"), "too short to keep 4 digits");
        assertEquals("***", Masks.mask(null, "x"));
    }
}
