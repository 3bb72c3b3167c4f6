package io.wampspring.sample.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code benchmark} profile, on either web stack the sample app starts on: the plain echo at {@code /echo}, and
 * a realm the load client's anonymous sessions may call {@code com.example.add2} in (the default profile's
 * authorization rules would refuse it).
 */
class BenchmarkEchoTest {

    /** Opens a WebSocket to {@code path}, sends each text in turn and returns the reply to each. */
    private static List<String> exchange(int port, String path, String subprotocol, String... texts)
            throws Exception {
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                replies.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        List<String> received = new ArrayList<>();
        try {
            for (String text : texts) {
                socket.sendText(text, true).get(10, TimeUnit.SECONDS);
                String reply = replies.poll(10, TimeUnit.SECONDS);
                assertThat(reply).as("reply to " + text).isNotNull();
                received.add(reply);
            }
            return received;
        }
        finally {
            socket.abort();
        }
    }

    private static void servesTheBenchmark(int port) throws Exception {
        String call = "[48,1,{},\"com.example.add2\",[1,2]]";
        assertThat(exchange(port, "/echo", null, call)).containsExactly(call);
        List<String> wamp = exchange(port, "/ws", "wamp.2.json", "[1,\"realm1\",{\"roles\":{\"caller\":{}}}]",
                call);
        assertThat(wamp.get(0)).startsWith("[2,");
        assertThat(wamp.get(1)).isEqualTo("[50,1,{},[3]]");
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("benchmark")
    class OnTomcat {

        @LocalServerPort
        int port;

        @Test
        void echoesAndLetsAnonymousCallersCall() throws Exception {
            servesTheBenchmark(port);
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
        void echoesAndLetsAnonymousCallersCall() throws Exception {
            servesTheBenchmark(port);
        }
    }
}
