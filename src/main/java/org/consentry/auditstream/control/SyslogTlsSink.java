package org.consentry.auditstream.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * RFC 5424 messages over TLS (RFC 5425: octet-counting frames), one connection per batch. The server's
 * certificate must chain to the configured trust store and name the configured host (endpoint
 * identification "HTTPS", RFC 6125 matching). Syslog has no acknowledgement of its own, so a batch counts as
 * taken only when, after our close_notify, the receiver closes the session cleanly: it has then read the
 * batch to its end. A reset, a timeout or a missing close means the batch is sent again (at least once;
 * the receiver removes duplicates by {@code seq}).
 */
public final class SyslogTlsSink implements AuditSink {

    private final String name;
    private final String host;
    private final int port;
    private final SSLContext tls;
    private final String[] protocols;
    private final Duration timeout;
    private final Rfc5424 format;

    public SyslogTlsSink(String name, String host, int port, SSLContext tls, String[] protocols, Duration timeout, Rfc5424 format) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.protocols = protocols.clone();
        this.timeout = timeout;
        this.format = format;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(List<StreamEntry> entries) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setProtocols(protocols);
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                for (StreamEntry entry : entries) {
                    out.write(Rfc5424.frame(format.message(entry)));
                }
                out.flush();
                awaitReceiverClose(socket);
            }
        }
    }

    /** Half-closes (TLS 1.3 close_notify) and waits for the receiver's own close: it has read everything. */
    private static void awaitReceiverClose(SSLSocket socket) throws IOException {
        socket.shutdownOutput();
        InputStream in = socket.getInputStream();
        byte[] unexpected = new byte[256];
        while (in.read(unexpected) >= 0) {
            // a syslog receiver sends nothing back; whatever it sends is read and ignored until it closes
        }
    }

    @Override
    public void close() {
        // one connection per batch: nothing stays open
    }
}
