package io.wampspring.spring.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code wamp.allowed-origins} set, a browser's handshake from a listed origin (or one matching a pattern) opens a
 * WAMP session; any other Origin is refused with HTTP 403 before a WebSocket exists. Clients that send no Origin
 * (non-browser clients) are not concerned. {@link OriginIntegrationTests} covers the default: same origin only.
 */
@SpringBootTest(classes = WampTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1",
                "wamp.allowed-origins=https://app.example.com,https://*.trusted.example.org"})
class AllowedOriginsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private TestWampClient client;

    private URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    private TestWampClient connectFrom(String origin) {
        return TestWampClient.connect(HTTP, origin.isEmpty() ? Map.of() : Map.of("Origin", origin), uri(), "json");
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"https://app.example.com", "https://shop.trusted.example.org", ""})
    void anAllowedOriginOpensASession(String origin) {
        client = connectFrom(origin);
        client.hello("realm1");
        assertThat(client.callForValue("test.add", 1, 2)).isEqualTo(3L);
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"https://evil.example.com", "http://app.example.com", "https://app.example.com.evil.net",
            "https://trusted.example.org.evil.net"})
    void anyOtherOriginIsRefusedWith403(String origin) {
        assertThatThrownBy(() -> connectFrom(origin)).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(thrown -> assertThat(((WebSocketHandshakeException) thrown.getCause()).getResponse()
                        .statusCode()).isEqualTo(403));
    }
}
