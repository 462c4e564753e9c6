package org.consentry.redaction.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;

/** The labelled chat lines of {@code redaction/corpus.txt}: text with {@code {{TYPE:value}}} labels removed, and the labels as findings. */
final class LabelledCorpus {

    record Line(int number, String language, String text, List<Finding> expected) {
    }

    private static final Pattern LABEL = Pattern.compile("\\{\\{([A-Z0-9_]+):(.*?)}}");

    private LabelledCorpus() {
    }

    static List<Line> load() {
        InputStream in = Objects.requireNonNull(LabelledCorpus.class.getResourceAsStream("/redaction/corpus.txt"), "corpus.txt");
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                int tab = raw.indexOf('\t');
                lines.add(parse(number, raw.substring(0, tab), raw.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static Line parse(int number, String language, String labelled) {
        StringBuilder text = new StringBuilder();
        List<Finding> expected = new ArrayList<>();
        Matcher m = LABEL.matcher(labelled);
        int copied = 0;
        while (m.find()) {
            text.append(labelled, copied, m.start());
            int start = text.length();
            text.append(m.group(2));
            expected.add(new Finding(PiiType.valueOf(m.group(1)), start, text.length()));
            copied = m.end();
        }
        text.append(labelled.substring(copied));
        return new Line(number, language, text.toString(), expected);
    }
}
