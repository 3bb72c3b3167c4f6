package io.wampspring.sample.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code benchmark} profile's plain echo at {@code /echo}, on either web stack the sample app starts on. */
class BenchmarkEchoTest {

    /** Sends one text message to /echo and returns the first text message that comes back. */
    private static String echo(int port, String text) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText(text, true);
        try {
            return reply.get(10, TimeUnit.SECONDS);
        }
        finally {
            socket.abort();
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("benchmark")
    class OnTomcat {

        @LocalServerPort
        int port;

        @Test
        void echoes() throws Exception {
            assertThat(echo(port, "[48,1,{},\"com.example.add2\",[1,2]]"))
                    .isEqualTo("[48,1,{},\"com.example.add2\",[1,2]]");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.main.web-application-type=reactive")
    @ActiveProfiles("benchmark")
    class OnReactorNetty {

        @LocalServerPort
        int port;

        @Test
        void echoes() throws Exception {
            assertThat(echo(port, "reactive echo")).isEqualTo("reactive echo");
        }
    }
}
