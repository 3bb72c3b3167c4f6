package io.wampspring.spring.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;

import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * wss:// through a Spring Boot SSL bundle: the web server serves the WAMP endpoint over TLS with a PEM bundle
 * ({@code spring.ssl.bundle.pem.wamp}, {@code server.ssl.bundle=wamp}) holding a certificate made for this run. A
 * client that trusts it completes a real TLS handshake and a WAMP session; one that does not, and a plain ws://
 * client, are refused.
 */
@SpringBootTest(classes = WampTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "server.ssl.bundle=wamp"})
class TlsIntegrationTests {

    static final TestCertificate CERTIFICATE = TestCertificate.selfSigned();

    @DynamicPropertySource
    static void sslBundle(DynamicPropertyRegistry registry) {
        // a PEM bundle takes the PEM text itself as well as a location
        registry.add("spring.ssl.bundle.pem.wamp.keystore.certificate", CERTIFICATE::certificatePem);
        registry.add("spring.ssl.bundle.pem.wamp.keystore.private-key", CERTIFICATE::privateKeyPem);
    }

    @LocalServerPort
    int port;

    @Autowired
    WampRouter router;

    private URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + port + "/ws");
    }

    private static WebSocket open(HttpClient http, URI uri) {
        return http.newWebSocketBuilder().subprotocols("wamp.2.json").buildAsync(uri, new WebSocket.Listener() {
        }).orTimeout(20, TimeUnit.SECONDS).join();
    }

    private static java.util.List<Throwable> causes(Throwable thrown) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    @ParameterizedTest(name = "wamp.2.{0}")
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void aClientTrustingTheCertificateRunsAWampSessionOverTls(String serializer) {
        try (TestWampClient client = TestWampClient.connect(CERTIFICATE.trustingClient(), Map.of(), uri("wss"),
                serializer)) {
            Welcome welcome = client.hello("realm1");
            assertThat(welcome.details()).containsEntry("realm", "realm1");
            assertThat(client.callForValue("test.add", 20, 22)).isEqualTo(42L);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedInTheTlsHandshake() {
        assertThatThrownBy(() -> open(HttpClient.newHttpClient(), uri("wss")))
                .isInstanceOf(CompletionException.class)
                .satisfies(thrown -> assertThat(causes(thrown)).hasAtLeastOneElementOfType(
                        SSLHandshakeException.class));
    }

    @Test
    void aPlainWebSocketOnTheTlsPortIsRefused() {
        int sessionsBefore = router.realm("realm1").sessions().size();
        // the server sees no TLS ClientHello and refuses before any WebSocket exists: Tomcat answers the plain HTTP
        // upgrade with 400 (a WebSocketHandshakeException), Reactor Netty's TLS handler closes the connection
        assertThatThrownBy(() -> open(HttpClient.newHttpClient(), uri("ws")))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .satisfies(thrown -> {
                    if (thrown.getCause() instanceof WebSocketHandshakeException refused) {
                        assertThat(refused.getResponse().statusCode()).isEqualTo(400);
                    }
                });
        assertThat(router.realm("realm1").sessions()).hasSize(sessionsBefore);
    }
}
