package io.wampspring.spring.it;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With no {@code wamp.allowed-origins}, browsers may connect from the same origin only. */
class OriginIntegrationTests extends AbstractWampIntegrationTests {

    private WebSocket open(String origin) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                .subprotocols("wamp.2.json").buildAsync(uri(), new WebSocket.Listener() {
                }).orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Test
    void sameOriginIsAccepted() {
        WebSocket webSocket = open("http://127.0.0.1:" + port);
        try {
            assertThat(webSocket.getSubprotocol()).isEqualTo("wamp.2.json");
        }
        finally {
            webSocket.abort();
        }
    }

    @Test
    void foreignOriginIsRefused() {
        assertThatThrownBy(() -> open("https://evil.example.com")).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(thrown -> assertThat(((WebSocketHandshakeException) thrown.getCause()).getResponse()
                        .statusCode()).isEqualTo(403));
        assertRouterStillServes("json");
    }
}
