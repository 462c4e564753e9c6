package org.consentry.auditstream.boundary;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A syslog receiver over TLS on loopback (RFC 5425): reads octet-counted frames, parses each message
 * strictly (Rfc5424Parser) and keeps it; a frame or message that breaks the RFCs is kept as a violation.
 * It reads each connection to its end and then closes it, as a receiver does. {@link #stop} closes the
 * listening socket (connections are refused until {@link #start}); a connection already open is read to its end.
 */
final class SyslogTlsReceiver {

    private final int port;
    private final SSLContext tls;
    private final List<Rfc5424Parser.Message> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private SSLServerSocket server;
    private Thread acceptor;

    SyslogTlsReceiver(int port, Path keystore, char[] password) throws Exception {
        this.port = port;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
    }

    synchronized void start() throws IOException {
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        SSLServerSocket listening = server;
        acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket connection = listening.accept();
                    Thread reader = new Thread(() -> read(connection), "syslog-receiver-connection");
                    synchronized (readers) {
                        readers.add(reader);
                    }
                    reader.start();
                } catch (IOException e) {
                    // closed by stop()
                }
            }
        }, "syslog-receiver");
        acceptor.start();
    }

    void stop() throws Exception {
        Thread accepting;
        synchronized (this) {
            server.close();
            accepting = acceptor;
        }
        accepting.join(10_000);
        List<Thread> open;
        synchronized (readers) {
            open = new ArrayList<>(readers);
        }
        for (Thread reader : open) {
            reader.join(30_000);
        }
    }

    private void read(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream())) {
            for (;;) {
                int length = 0;
                int digits = 0;
                int c = in.read();
                if (c < 0) {
                    return; // the sender closed after its batch: close too, which acknowledges it
                }
                while (c != ' ') {
                    if (c < '0' || c > '9' || (digits == 0 && c == '0') || ++digits > 9) {
                        violation("MSG-LEN is not NONZERO-DIGIT *DIGIT followed by SP");
                        return;
                    }
                    length = length * 10 + (c - '0');
                    c = in.read();
                }
                byte[] message = in.readNBytes(length);
                if (message.length != length) {
                    violation("frame shorter than its MSG-LEN");
                    return;
                }
                try {
                    Rfc5424Parser.Message parsed = Rfc5424Parser.parse(message);
                    synchronized (received) {
                        received.add(parsed);
                    }
                } catch (RuntimeException e) {
                    violation(e.getMessage());
                }
            }
        } catch (IOException e) {
            // a handshake refused (the sink with the wrong host name) or a sender gone: not an RFC 5424 matter
        }
    }

    private void violation(String what) {
        synchronized (violations) {
            violations.add(what);
        }
    }

    List<Rfc5424Parser.Message> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }
}
