package org.consentry.auditstream.boundary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict RFC 5424 parser for the test receiver: the header field by field as the ABNF of section 6 has it
 * (PRI 0-191, VERSION 1, an RFC 3339 TIMESTAMP with at most six fraction digits, the lengths of HOSTNAME,
 * APP-NAME, PROCID and MSGID in printable US-ASCII), STRUCTURED-DATA with SD-NAMEs and escaped PARAM-VALUEs
 * (an unescaped '"' or ']' inside a value is an error), and a MSG that is well-formed UTF-8 after a BOM.
 * Anything else throws.
 */
final class Rfc5424Parser {

    record Message(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
                   Map<String, Map<String, String>> data, String msg) {
    }

    private static final Pattern HEADER = Pattern.compile("<(\\d{1,3})>1 (\\S+) (\\S{1,255}) (\\S{1,48}) (\\S{1,128}) (\\S{1,32}) ");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,6})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)");
    private static final Pattern SD_NAME = Pattern.compile("[\\x21-\\x7e&&[^= \\]\"]]{1,32}");

    private Rfc5424Parser() {
    }

    static Message parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
        Matcher header = HEADER.matcher(text);
        if (!header.lookingAt()) {
            throw new IllegalArgumentException("header does not match RFC 5424: " + text.substring(0, Math.min(80, text.length())));
        }
        int pri = Integer.parseInt(header.group(1));
        if (pri > 191 || (header.group(1).length() > 1 && header.group(1).startsWith("0"))) {
            throw new IllegalArgumentException("PRI out of range: " + header.group(1));
        }
        if (!TIMESTAMP.matcher(header.group(2)).matches()) {
            throw new IllegalArgumentException("TIMESTAMP is not RFC 3339 as RFC 5424 restricts it: " + header.group(2));
        }
        for (int g = 3; g <= 6; g++) {
            if (!header.group(g).chars().allMatch(c -> c >= 33 && c <= 126)) {
                throw new IllegalArgumentException("header field not printable US-ASCII: " + header.group(g));
            }
        }
        int at = header.end();
        Map<String, Map<String, String>> data = new LinkedHashMap<>();
        if (text.startsWith("-", at)) {
            at++;
        } else {
            while (at < text.length() && text.charAt(at) == '[') {
                at = element(text, at, data);
            }
            if (data.isEmpty()) {
                throw new IllegalArgumentException("STRUCTURED-DATA is neither '-' nor an SD-ELEMENT");
            }
        }
        String msg = null;
        if (at < text.length()) {
            if (text.charAt(at) != ' ') {
                throw new IllegalArgumentException("no SP between STRUCTURED-DATA and MSG");
            }
            String rest = text.substring(at + 1);
            if (!rest.startsWith("\uFEFF")) {
                throw new IllegalArgumentException("a UTF-8 MSG must begin with the BOM");
            }
            msg = rest.substring(1);
        }
        return new Message(pri, header.group(2), header.group(3), header.group(4), header.group(5), header.group(6), data, msg);
    }

    private static int element(String text, int start, Map<String, Map<String, String>> data) {
        int at = start + 1;
        int nameEnd = at;
        while (nameEnd < text.length() && text.charAt(nameEnd) != ' ' && text.charAt(nameEnd) != ']') {
            nameEnd++;
        }
        String id = text.substring(at, nameEnd);
        if (!SD_NAME.matcher(id).matches() || data.containsKey(id)) {
            throw new IllegalArgumentException("bad or repeated SD-ID: " + id);
        }
        Map<String, String> params = new LinkedHashMap<>();
        at = nameEnd;
        while (text.charAt(at) == ' ') {
            int eq = text.indexOf('=', at + 1);
            String name = text.substring(at + 1, eq);
            if (!SD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad PARAM-NAME: " + name);
            }
            if (text.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("PARAM-VALUE not quoted: " + name);
            }
            StringBuilder value = new StringBuilder();
            int i = eq + 2;
            for (;; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                    value.append(text.charAt(++i));
                } else if (c == '"') {
                    break;
                } else if (c == ']') {
                    throw new IllegalArgumentException("unescaped ']' in the value of " + name);
                } else {
                    value.append(c);
                }
            }
            params.put(name, value.toString());
            at = i + 1;
        }
        if (text.charAt(at) != ']') {
            throw new IllegalArgumentException("SD-ELEMENT not closed: " + id);
        }
        data.put(id, params);
        return at + 1;
    }
}
