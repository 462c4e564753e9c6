package org.consentry.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransportFailureTest {

    @Test
    void namesTheFailureInWordsNotClassNames() {
        assertEquals("connection refused", TransportFailure.describe(new ConnectException("Connection refused")));
        assertEquals("connection timed out", TransportFailure.describe(new HttpConnectTimeoutException("x")));
        assertEquals("timed out", TransportFailure.describe(new HttpTimeoutException("x")));
        assertEquals("unknown host", TransportFailure.describe(new UnknownHostException("crm.example")));
        assertEquals("TLS failed", TransportFailure.describe(new SSLHandshakeException("x")));
        // java.net.http wraps the cause: the cause decides
        assertEquals("connection refused", TransportFailure.describe(new IOException(new ConnectException())));
        assertEquals("connection failed", TransportFailure.describe(new IOException("closed")));
    }
}
