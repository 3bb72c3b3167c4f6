package io.wampspring.spring.it;

import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RawSocket on the web port over the web server's TLS ({@code server.ssl.bundle}): the first octet is read after
 * the TLS handshake, so one port serves {@code rss://} and HTTPS (and so {@code wss://}).
 */
@SpringBootTest(classes = WampTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.ssl.bundle=wamp", "wamp.rawsocket.web-port=true",
                "spring.main.web-application-type=reactive"})
class RawSocketOnWebPortTlsIntegrationTests {

    static final TestCertificate CERTIFICATE = TestCertificate.selfSigned();

    @DynamicPropertySource
    static void sslBundle(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.pem.wamp.keystore.certificate", CERTIFICATE::certificatePem);
        registry.add("spring.ssl.bundle.pem.wamp.keystore.private-key", CERTIFICATE::privateKeyPem);
    }

    @LocalServerPort
    int port;

    @Test
    void aRawSocketClientJoinsOverTheWebServersTls() throws Exception {
        try (RawSocketLine client = RawSocketLine.over(tlsSocket())) {
            assertThat(client.handshake(0xF1)).containsExactly(0x7F, 0xF1, 0, 0);
            client.send("[1,\"realm1\",{\"roles\":{\"caller\":{}}}]");
            assertThat(client.receive()).startsWith("[2,");
            client.send("[48,3,{},\"test.add\",[1,2]]");
            assertThat(client.receive()).isEqualTo("[50,3,{},[3]]");
        }
    }

    @Test
    void httpsIsServedAsBeforeOnThePort() throws Exception {
        try (SSLSocket socket = tlsSocket()) {
            socket.getOutputStream().write("GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 404");
        }
    }

    private SSLSocket tlsSocket() throws Exception {
        SSLSocket socket = (SSLSocket) CERTIFICATE.trustingContext().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }
}
