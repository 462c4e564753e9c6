package org.consentry.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.control.RedactionPolicy;
import org.consentry.redaction.control.Redactor;
import org.consentry.redaction.control.Transcript;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;
import org.consentry.redaction.entity.RedactedText;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of PII detection on a 2 KB mixed Polish/English chat, single-threaded.
 *
 * <p>scan, redact, redactPlaceholders and regexBaseline process exactly {@value #CHAT_BYTES} UTF-8
 * bytes per call and declare them as operations, so their score in ops/us IS MB/s (10^6 bytes/s).
 * regexBaseline is the java.util.regex approach the design measured (one pattern per type, no check
 * digits), for the ratio. scanHostile scans long hostile inputs at two sizes: its "bytes" counter,
 * also per us, is MB/s, and equal figures at both sizes show linear time.
 *
 * <p>Run: {@code mvn -B -Pbench verify -Dbench=Redaction}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RedactionBenchmark {

    static final int CHAT_BYTES = 2048;

    /** A support chat with a realistic mix: 15 identifiers, and dates, amounts, order and tracking numbers that are none. */
    private static final String CHAT = """
            Klient: Dzień dobry, mam problem z płatnością za zamówienie ZAM/2024/11/0042 z 12.05.2024.
            Bot: Dzień dobry! Jestem asystentem AI. Proszę podać e-mail powiązany z kontem.
            Klient: jan.kowalski@example.com, telefon +48 600 100 200. Płaciłem kartą 4111 1111 1111 1111.
            Bot: Dziękuję. Widzę płatność 1 299,99 zł z 14.05.2024 14:32:05. Czy chodzi o tę transakcję?
            Klient: Tak, dwa razy pobrano. Zwrot proszę na PL61 1090 1014 0000 0712 1981 2874, mój PESEL 44051401359.
            Bot: Rozumiem. Przekazuję sprawę do konsultanta, numer zgłoszenia 2024-0042-7781, czas oczekiwania ok. 5 min.
            Customer: Hi, I'm the company's accountant, writing from the UK office: +44 20 7946 0958, anna.smith@example.co.uk.
            Agent: Thanks Anna. Order #100234 shipped with tracking 00340434161234567890 on 2024-05-14.
            Customer: The invoice FV/2024/05/123 lists our NIP 526-025-02-74 and a total of 2,500.00 EUR; that's wrong.
            Agent: I'll correct it. I also see logins from 203.0.113.45 and 2001:db8:85a3::8a2e:370:7334 at 09:15, was that you?
            Customer: Yes, VPN. The app, version 2.14.1, keeps showing error 500. Our office is at 00-950 Warszawa.
            Klient: Proszę też o kontakt pod numerem (22) 123 45 67 w godzinach 9-17 albo mailowo.
            Agent: Noted. Refund of 1 299,99 zł goes out within 14 days. Anything else I can help with today?
            Klient: Jeszcze jedno: faktura ma być na firmę Przykład sp. z o.o., NIP PL5260250274, ul. Długa 12/4, 31-123 Kraków.
            Agent: Sure. Please confirm the email for the corrected invoice, is it still ksiegowosc@przyklad-firma.example?
            Customer: Yes. And my colleague Piotr will call from 0048 512 345 678 about the second order, #100235.
            Agent: Thanks. I've attached case 2024-0042-7781 to both orders; the 249,00 zł shipping fee is waived.
            Klient: Świetnie. Czy zwrot na konto 61 1090 1014 0000 0712 1981 2874 dojdzie przed 20.12.2024?
            Agent: Yes, refunds take 3 to 5 business days. Is there anything else I can help you with today?
            Klient: Nie, dziękuję bardzo za pomoc. Do usłyszenia!
            """;

    @State(Scope.Thread)
    public static class Chat {
        String text;
        PiiScanner scanner;
        Transcript masking;
        Transcript placeholders;
        List<Pattern> regexes;

        @Setup(Level.Trial)
        public void setUp() {
            text = exactly(CHAT, CHAT_BYTES);
            scanner = PiiScanner.standard();
            Redactor redactor = new Redactor(scanner);
            masking = redactor.newTranscript(RedactionPolicy.defaults(), (type, value) -> "[TOKEN:" + type + "]");
            placeholders = redactor.newTranscript(RedactionPolicy.of(allPlaceholders()), null);
            regexes = RegexBaseline.PATTERNS;
            System.out.printf("%nchat: %d chars, %d UTF-8 bytes, %d findings; scores in ops/us are MB/s%n",
                    text.length(), text.getBytes(StandardCharsets.UTF_8).length, scanner.scan(text).size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(CHAT_BYTES)
    public List<Finding> scan(Chat chat) {
        return chat.scanner.scan(chat.text);
    }

    @Benchmark
    @OperationsPerInvocation(CHAT_BYTES)
    public RedactedText redact(Chat chat) {
        return chat.masking.redact(chat.text);
    }

    @Benchmark
    @OperationsPerInvocation(CHAT_BYTES)
    public RedactedText redactPlaceholders(Chat chat) {
        return chat.placeholders.redact(chat.text);
    }

    @Benchmark
    @OperationsPerInvocation(CHAT_BYTES)
    public int regexBaseline(Chat chat) {
        int found = 0;
        for (Pattern p : chat.regexes) {
            Matcher m = p.matcher(chat.text);
            while (m.find()) {
                found++;
            }
        }
        return found;
    }

    @State(Scope.Thread)
    public static class Hostile {
        @Param({"digits", "at-signs", "colons", "dots", "spaced-digits", "phone-groups", "hex-colons", "iban-glued",
                "iban-spaced", "regon-cued", "random"})
        public String kind;

        @Param({"65536", "262144"})
        public int size;

        String text;
        PiiScanner scanner;

        @Setup(Level.Trial)
        public void setUp() {
            scanner = PiiScanner.standard();
            String unit = switch (kind) {
                case "digits" -> "7";
                case "at-signs" -> "@";
                case "colons" -> ":";
                case "dots" -> ".";
                case "spaced-digits" -> "1 ";
                case "phone-groups" -> "600 ";
                case "hex-colons" -> "1:";
                // an IBAN's start every four characters, each read to Albania's 28 before mod 97 refuses it
                case "iban-glued" -> "AL12";
                // a country code, a space and a digit: the spellings with separators (issue 28)
                case "iban-spaced" -> "be 8 ";
                case "regon-cued" -> "REGON 1 ";
                default -> null;
            };
            text = unit != null ? unit.repeat(size / unit.length()) : random(size);
        }

        private static String random(int size) {
            Random random = new Random(1);
            String alphabet = "0123456789 +-.:@()PLa\u00A0";
            char[] chars = new char[size];
            for (int i = 0; i < size; i++) {
                chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            return new String(chars);
        }
    }

    /** Counts the bytes scanned; JMH reports it per time unit, so per us it reads as MB/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public List<Finding> scanHostile(Hostile hostile, Bytes counter) {
        counter.bytes += hostile.text.length(); // ASCII but for the no-break space: chars ~ bytes
        return hostile.scanner.scan(hostile.text);
    }

    /** The chat cut or padded (with plain ASCII words) to exactly {@code bytes} UTF-8 bytes. */
    static String exactly(String chat, int bytes) {
        StringBuilder text = new StringBuilder(chat);
        String filler = "Thanks, bye. ";
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            text.append(filler);
        }
        while (text.toString().getBytes(StandardCharsets.UTF_8).length > bytes) {
            text.setLength(text.length() - 1);
        }
        if (text.toString().getBytes(StandardCharsets.UTF_8).length != bytes) {
            throw new IllegalStateException("the chat does not fit " + bytes + " bytes exactly");
        }
        return text.toString();
    }

    private static Map<PiiType, Operator> allPlaceholders() {
        Map<PiiType, Operator> all = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            all.put(type, Operator.PLACEHOLDER);
        }
        return all;
    }

    /** The usual regex scanner: one pattern per kind, each run over the whole text, no check digits. */
    static final class RegexBaseline {
        static final List<Pattern> PATTERNS = new ArrayList<>(List.of(
                Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"),
                Pattern.compile("(?:\\+|\\b00)\\d{1,3}[ -]?(?:\\(\\d{1,4}\\)[ -]?)?\\d{2,4}(?:[ .-]?\\d{2,4}){1,4}"
                        + "|(?<!\\d)\\(?\\d{2,3}\\)?[ .-]?\\d{3}[ .-]?\\d{2,3}[ .-]?\\d{2,3}(?!\\d)"),
                Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
                Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"),
                Pattern.compile("\\b\\d{2}(?: ?\\d{4}){6}\\b"),
                Pattern.compile("\\b\\d{11}\\b"),
                Pattern.compile("\\b(?:PL)?\\d{3}[- ]?\\d{2,3}[- ]?\\d{2}[- ]?\\d{2,3}\\b"),
                Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"),
                Pattern.compile("(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|[0-9A-Fa-f]{1,4})(?::[0-9A-Fa-f]{1,4}){0,6}"
                        + "|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}")));

        private RegexBaseline() {
        }
    }
}
