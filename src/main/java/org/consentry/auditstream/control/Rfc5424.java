package org.consentry.auditstream.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.audit.control.Checkpoint;

/**
 * The syslog form of the stream: RFC 5424 messages, facility 13 ("log audit"), severity 6 for an event and
 * 5 (notice) for a checkpoint; every member as a PARAM of one SD-ELEMENT {@code audit@<enterprise number>}
 * (values escaped as section 6.3.3 requires), and the JSON line as the MSG (UTF-8, with the BOM the RFC asks
 * for). {@link #frame} adds RFC 5425's octet counting (MSG-LEN SP SYSLOG-MSG) for TLS transport.
 */
public final class Rfc5424 {

    static final int FACILITY_LOG_AUDIT = 13;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);
    private static final String BOM = "\uFEFF";

    private final String hostname;
    private final String procId;
    private final String sdId;

    /** {@code hostname} as this server names itself; {@code enterprise} the operator's IANA private enterprise number. */
    public Rfc5424(String hostname, long procId, long enterprise) {
        this.hostname = headerField(hostname, 255);
        this.procId = headerField(Long.toString(procId), 128);
        this.sdId = "audit@" + enterprise;
    }

    /** The SYSLOG-MSG of one entry, UTF-8. */
    public byte[] message(StreamEntry entry) {
        boolean checkpoint = entry.isCheckpoint();
        int severity = checkpoint ? 5 : 6;
        Instant at = checkpoint ? Instant.parse(entry.checkpoint().at()) : entry.event().occurredAt();
        StringBuilder text = new StringBuilder("<").append(FACILITY_LOG_AUDIT * 8 + severity).append(">1 ")
                .append(TIMESTAMP.format(at)).append(' ').append(hostname).append(" consentry ").append(procId)
                .append(' ').append(checkpoint ? "checkpoint" : "audit-event").append(" [").append(sdId);
        params(entry).forEach((name, value) -> {
            if (value != null) {
                text.append(' ').append(name).append("=\"").append(escape(value)).append('"');
            }
        });
        text.append("] ").append(BOM).append(JsonLines.of(entry));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 5425 section 4.3: the message's length in octets, a space, the message. */
    public static byte[] frame(byte[] message) {
        byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[length.length + message.length];
        System.arraycopy(length, 0, framed, 0, length.length);
        System.arraycopy(message, 0, framed, length.length, message.length);
        return framed;
    }

    /** RFC 5424 section 6.3.3: '"', '\' and ']' in a PARAM-VALUE are escaped with a backslash. */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A header field: printable US-ASCII only (33-126), at most {@code max} characters, "-" when empty. */
    static String headerField(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < value.length() && field.length() < max; i++) {
            char c = value.charAt(i);
            field.append(c >= 33 && c <= 126 ? c : '_');
        }
        return field.toString();
    }

    private static Map<String, String> params(StreamEntry entry) {
        Map<String, String> params = new LinkedHashMap<>();
        if (entry.isCheckpoint()) {
            Checkpoint c = entry.checkpoint();
            params.put("format", c.format());
            params.put("seq", Long.toString(c.seq()));
            params.put("keyVersion", Integer.toString(c.keyVersion()));
            params.put("headHash", c.headHash());
            params.put("at", c.at());
            params.put("signingKeyVersion", Integer.toString(c.signingKeyVersion()));
            params.put("signature", c.signature());
            return params;
        }
        ShippedEvent e = entry.event();
        params.put("seq", Long.toString(e.seq()));
        params.put("id", Long.toString(e.id()));
        params.put("occurredAt", e.occurredAt().toString());
        params.put("actor", e.actor());
        params.put("role", e.role());
        params.put("action", e.action());
        params.put("purpose", e.purpose());
        params.put("subjectRef", e.subjectRef());
        params.put("field", e.field());
        params.put("outcome", e.outcome());
        params.put("detail", e.detail());
        params.put("keyVersion", Integer.toString(e.keyVersion()));
        params.put("hash", e.hash());
        return params;
    }
}
