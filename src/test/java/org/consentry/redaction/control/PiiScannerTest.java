package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each detector's edge cases; values are synthetic (computed check digits, test card numbers, reserved domains). */
class PiiScannerTest {

    private static final PiiScanner SCANNER = PiiScanner.standard();

    /** The findings as "TYPE:text". */
    static List<String> found(String text) {
        return SCANNER.scan(text).stream()
                .map(f -> f.type() + ":" + text.substring(f.start(), f.end()))
                .collect(Collectors.toList());
    }

    @Nested
    class Pesel {

        @Test
        void findsPeselsOfEveryCentury() {
            // 1844-05-14 (month+80), 1944-05-14, 2004-05-14 (+20), 2104-05-14 (+40), 2204-05-14 (+60)
            for (String body : List.of("4485140135", "4405140135", "0425140135", "0445140135", "0465140135")) {
                String pesel = body + SyntheticIds.peselCheck(body);
                assertEquals(List.of("PESEL:" + pesel), found("PESEL " + pesel + "."), pesel);
            }
        }

        @Test
        void checksTheDateIncludingLeapYears() {
            String leap2000 = "0022290000"; // 29 Feb 2000: a leap year (divisible by 400)
            String notLeap1900 = "0002290000"; // 29 Feb 1900: not a leap year
            String day31InApril = "9904310000";
            assertEquals(1, found(leap2000 + SyntheticIds.peselCheck(leap2000)).size());
            assertEquals(List.of(), found(notLeap1900 + SyntheticIds.peselCheck(notLeap1900)));
            assertEquals(List.of(), found(day31InApril + SyntheticIds.peselCheck(day31InApril)));
            assertEquals(List.of(), found("9913010000" + SyntheticIds.peselCheck("9913010000")), "month 13");
        }

        @Test
        void rejectsAWrongCheckDigit() {
            assertEquals(List.of("PESEL:44051401359"), found("44051401359"));
            assertEquals(List.of(), found("44051401358"));
        }

        @Test
        void needsTokenBoundaries() {
            assertEquals(List.of(), found("ABC44051401359"));
            assertEquals(List.of(), found("44051401359xyz"));
            assertEquals(List.of(), found("order 1234440514013591234567890123"), "inside a 30-digit number");
            assertEquals(List.of(), found("ZAM-2024-44051401359"), "joined by dashes to an order number");
            assertEquals(List.of(), found("INV/44051401359"));
            assertEquals(List.of(), found("44051401359@example.com".substring(0, 11) + "_x"));
            assertEquals(List.of("PESEL:44051401359"), found("PESEL:44051401359;"));
            assertEquals(List.of("PESEL:44051401359"), found("(44051401359)"));
            assertEquals(List.of("PESEL:44051401359"), found("pesel=44051401359, dziękuję"));
        }

        @Test
        void isNotAlsoAPhoneNumber() {
            assertEquals(List.of("PESEL:44051401359"), found("tel/pesel: 44051401359"));
        }
    }

    @Nested
    class Nip {

        @ParameterizedTest
        @ValueSource(strings = {"5260250274", "526-025-02-74", "526-02-50-274", "526 025 02 74"})
        void findsEveryWrittenForm(String nip) {
            assertEquals(List.of("NIP:" + nip), found("NIP: " + nip + "."));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PL5260250274", "pl5260250274", "PL 5260250274", "PL-5260250274", "PL 526-025-02-74",
                "PL526-02-50-274", "PL 526 025 02 74"})
        void findsItWrittenAsAnEuVatNumber(String vat) {
            assertEquals(List.of("EU_VAT:" + vat), found("VAT: " + vat + "."));
            assertEquals("PL********74", Masks.mask(PiiType.EU_VAT, vat));
        }

        @Test
        void rejectsAWrongCheckDigitAndTheImpossibleCheckTen() {
            assertEquals(List.of(), found("NIP 5260250275"));
            // weighted sum 6*1 + 5*2 + 7*3 + 2*4 + 3*5 + 4*6 + 5*7 + 6*8 + 7*9 = 230 = 10 mod 11: no NIP has this body
            assertEquals(10, SyntheticIds.nipCheck("123456789"));
            for (int last = 0; last <= 9; last++) {
                assertEquals(List.of(), found("NIP 123456789" + last));
            }
        }

        @Test
        void rejectsOtherGroupings() {
            assertEquals(List.of(), found("52-60-25-02-74"));
            assertEquals(List.of(), found("5260-2502-74"));
            assertEquals(List.of(), found("XPL5260250274"), "the PL prefix glued to more letters");
        }
    }

    @Nested
    class Card {

        @ParameterizedTest
        @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444",
                "2223003122003222", "378282246310005", "3782 822463 10005", "6011111111111117", "3530111333300000",
                "30569309025904", "3056 930902 5904", "4222222222222", "6200000000000005"})
        void findsTestCardNumbers(String card) {
            assertEquals(List.of("CARD:" + card), found("karta " + card + ", dzięki"));
        }

        @Test
        void needsAKnownIssuerRange() {
            String luhnValidNoIssuer = "7" + "00000000000000";
            String card = luhnValidNoIssuer + SyntheticIds.luhnCheck(luhnValidNoIssuer);
            assertEquals(List.of(), found("number " + card));
            assertEquals(List.of(), found("4111111111111112"), "wrong Luhn digit");
            assertEquals(List.of(), found("37828224631000"), "Amex with 14 digits");
        }

        @Test
        void rejectsOddGroupingsAndLongerRuns() {
            assertEquals(List.of(), found("41 11 11 11 11 11 11 11"));
            assertEquals(List.of(), found("41111111111111110000"), "20 digits");
            assertEquals(List.of(), found("4111.1111.1111.1111"), "dots make it something else");
        }

        @Test
        void keepsTheCardWhenAShortNumberFollows() {
            assertEquals(List.of("CARD:4111 1111 1111 1111"), found("4111 1111 1111 1111 2 razy odrzucona"));
            assertEquals(List.of("CARD:4111 1111 1111 1111"), found("4111 1111 1111 1111 12/27"));
        }
    }

    @Nested
    class Iban {

        @ParameterizedTest
        @ValueSource(strings = {"PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874",
                "pl61109010140000071219812874", "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19",
                "FR1420041010050500013M02606", "61 1090 1014 0000 0712 1981 2874", "61109010140000071219812874"})
        void findsIbansAndPolishAccountNumbers(String iban) {
            assertEquals(List.of("IBAN:" + iban), found("konto: " + iban + "."));
        }

        @Test
        void rejectsWrongCheckDigitsAndLengths() {
            assertEquals(List.of(), found("PL62 1090 1014 0000 0712 1981 2874"));
            assertEquals(List.of(), found("62 1090 1014 0000 0712 1981 2874"));
            assertEquals(List.of(), found("PL61 1090 1014 0000 0712 1981 287"));
            assertEquals(List.of(), found("PL61 1090 1014 0000 0712 1981 28745"));
            assertEquals(List.of(), found("XX61 1090 1014 0000 0712 1981 2874"), "no such country");
            assertEquals(List.of(), found("PL61  1090 1014 0000 0712 1981 2874"), "two separators in a row end it");
            assertEquals(List.of(), found("BE 85 0017 1352 5007"), "spelled as people do, still checked by mod 97");
            assertEquals(List.of(), found("NO 53143006426412"), "glued to more digits");
        }

        @ParameterizedTest
        @ValueSource(strings = {"BE 85 0017 1352 5006", "BE85 0017 1352 5006", "NO 5314300642641", "NO 53 1430 0642 641",
                "MK072 5012 0000 0589 84", "PL6110 9010 1400 0007 1219 8128 74", "PL 61 1090 1014 0000 0712 1981 2874",
                "DE89-3704-0044-0532-0130-00", "DE89.3704.0044.0532.0130.00", "de89 3704 0044 0532 0130 00",
                "GB29 NWBK 6016 1331 9268 19", "gb29nwbk60161331926819"})
        void findsIbansSpelledAsPeopleWriteThem(String iban) {
            assertEquals(List.of("IBAN:" + iban), found("IBAN: " + iban + ", dziękuję"));
        }

        @Test
        void isNotACardEvenWhenItsMiddleGroupsPassLuhn() {
            // an NRB whose groups 3-6 read as a Luhn-valid Visa number: the account wins
            String nrbBody = "1090" + "4111" + "1111" + "1111" + "1111" + "0000";
            String check = SyntheticIds.ibanCheck("PL", nrbBody);
            String nrb = check + " " + SyntheticIds.groupsOfFour(nrbBody);
            assertEquals(List.of("IBAN:" + nrb), found(nrb));
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {"+48 600 100 200", "+48600100200", "0048 600 100 200", "0048600100200", "600 100 200",
                "600-100-200", "600.100.200", "600100200", "(22) 123 45 67", "22 123 45 67", "22-123-45-67",
                "+48 22 123 45 67", "(22)1234567", "+44 20 7946 0958", "+44 (0)20 7946 0958", "0044 20 7946 0958",
                "+1 (415) 555-2671", "+1 415 555 2671", "+49 30 12345678", "+420 601 123 456"})
        void findsNationalAndInternationalFormats(String phone) {
            assertEquals(List.of("PHONE:" + phone), found("tel. " + phone + ", dzięki"));
        }

        @Test
        void takesTheLongestValidNumber() {
            assertEquals(List.of("PHONE:+48 600 100 200"), found("+48 600 100 200 2 razy"));
        }

        @Test
        void rejectsNumbersOutsideTheNumberingPlan() {
            assertEquals(List.of(), found("100 200 300"), "no Polish number starts with 10");
            assertEquals(List.of(), found("+48 600 100 20"), "too short");
            assertEquals(List.of(), found("+999600100200"), "no such calling code");
            // a space may start a number: after an invalid prefix the Polish mobile number still counts
            assertEquals(List.of("PHONE:600 100 200"), found("+999 600 100 200"));
            assertEquals(List.of(), found("(415) 555-2671"), "an American number without its +1 in region PL");
        }

        @Test
        void rejectsAmountsDatesAndAddresses() {
            assertEquals(List.of(), found("1 250 000 zł"));
            assertEquals(List.of(), found("12.05.2024 12:30"));
            assertEquals(List.of(), found("kod 00-950 Warszawa"));
            assertEquals(List.of("IPV4:83.12.145.67"), found("83.12.145.67"), "an IPv4 address, not a landline");
            assertEquals(List.of(), found("600100200@example"), "glued to an @");
        }

        @Test
        void usesTheDefaultRegionForNationalNumbers() {
            PiiScanner british = new PiiScanner("GB", EnumSet.of(PiiType.PHONE));
            String text = "call 020 7946 0958 or 600 100 200";
            List<Finding> findings = british.scan(text);
            assertEquals(1, findings.size());
            assertEquals("020 7946 0958", text.substring(findings.get(0).start(), findings.get(0).end()));
        }

        @Test
        void refusesAnUnknownRegion() {
            assertThrows(IllegalArgumentException.class, () -> new PiiScanner("XX", EnumSet.allOf(PiiType.class)));
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {"jan.kowalski@example.com", "anna+sklep@example.org", "j_k-1%x@mail.example.co.uk",
                "kontakt@łódź-sklep.example", "Jan.Kowalski@Example.COM", "ewa@xn--dwk-zza.example", "zażółć@gęślą.test"})
        void findsPracticalAddresses(String email) {
            assertEquals(List.of("EMAIL:" + email), found("mail: " + email + "."));
            assertEquals(List.of("EMAIL:" + email), found("<" + email + ">"));
        }

        @Test
        void leavesTrailingPunctuationOut() {
            assertEquals(List.of("EMAIL:jan@example.com"), found("(jan@example.com)."));
            assertEquals(List.of("EMAIL:jan@example.com"), found("jan@example.com-"));
            assertEquals(List.of("EMAIL:jan@example.com"), found("...jan@example.com..."));
        }

        @Test
        void rejectsWhatIsNotAnAddress() {
            assertEquals(List.of(), found("support@localhost"));
            assertEquals(List.of(), found("jan..kowalski@example.com"));
            assertEquals(List.of(), found("jan.@example.com"));
            assertEquals(List.of(), found("@example.com"));
            assertEquals(List.of(), found("jan@example.c"));
            assertEquals(List.of(), found("jan@-example.com"));
            assertEquals(List.of(), found("jan@example.123"));
            assertEquals(List.of(), found("a".repeat(65) + "@example.com"), "local part over 64 chars");
        }
    }

    @Nested
    class IpAddresses {

        @ParameterizedTest
        @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "203.0.113.45"})
        void findsIpv4(String ip) {
            assertEquals(List.of("IPV4:" + ip), found("from " + ip + "."));
            assertEquals(List.of("IPV4:" + ip), found("from " + ip + ":8080"));
        }

        @Test
        void rejectsOctetsOverRangeLeadingZerosAndOtherShapes() {
            assertEquals(List.of(), found("256.1.1.1"));
            assertEquals(List.of(), found("192.168.01.1"));
            assertEquals(List.of(), found("1.2.3"));
            assertEquals(List.of(), found("1.2.3.4.5"));
            assertEquals(List.of(), found("v1.2.3.4"));
            assertEquals(List.of(), found("10.0.19045.3803"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2001:db8::1", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8:85a3::8a2e:370:7334",
                "::1", "fe80::1", "::ffff:192.0.2.128", "2001:DB8::CAFE", "dead:beef::cafe"})
        void findsIpv6(String ip) {
            assertEquals(List.of("IPV6:" + ip), found("addr " + ip + ", ok"));
            assertEquals(List.of("IPV6:" + ip), found("IP:" + ip + "."));
        }

        @Test
        void rejectsTimesMacAddressesAndProse() {
            assertEquals(List.of(), found("12:30:45"));
            assertEquals(List.of(), found("00:1A:2B:3C:4D:5E"));
            assertEquals(List.of(), found("ab::cd"));
            assertEquals(List.of(), found("1::2::3"));
            assertEquals(List.of(), found("std::vector"));
            assertEquals(List.of(), found("a :: b"));
            assertEquals(List.of(), found("2001:db8::1g"));
        }
    }

    @Test
    void reportsOnlyTheEnabledTypes() {
        PiiScanner cardsOnly = new PiiScanner("PL", Set.of(PiiType.CARD));
        String text = "jan@example.com 4111111111111111 44051401359 +48 600 100 200";
        assertEquals(List.of(PiiType.CARD), cardsOnly.scan(text).stream().map(Finding::type).toList());
        assertEquals(List.of(), new PiiScanner("PL", Set.of()).scan(text));
        assertEquals(EnumSet.of(PiiType.CARD), cardsOnly.enabled());
    }

    @Test
    void returnsNonOverlappingFindingsInOrder() {
        String text = "PESEL 44051401359, karta 4111 1111 1111 1111, tel. +48 600 100 200, jan@example.com, 192.0.2.1";
        List<Finding> findings = SCANNER.scan(text);
        assertEquals(5, findings.size());
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).end() <= findings.get(i).start());
        }
        assertEquals(List.of(), SCANNER.scan(null));
        assertEquals(List.of(), SCANNER.scan(""));
        assertEquals(List.of("PESEL:44051401359"), found(new StringBuilder("44051401359").toString()));
        assertEquals(1, SCANNER.scan(new StringBuilder("44051401359")).size(), "any CharSequence");
    }
}
