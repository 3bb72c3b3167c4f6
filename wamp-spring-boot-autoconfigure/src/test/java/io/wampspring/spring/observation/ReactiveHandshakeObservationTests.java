package io.wampspring.spring.observation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.wampspring.spring.it.TestWampClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the reactive transport the WebSocket handshake at {@code wamp.path} is not observed as an HTTP request
 * (it would time the upgrade alone, at a real share of a session's set-up), while other requests still are.
 */
@SpringBootTest(classes = ReactiveHandshakeObservationTests.ObservedApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.main.web-application-type=reactive"})
class ReactiveHandshakeObservationTests {

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ObservedApplication {

        @Bean
        ObservedRequests observedRequests() {
            return new ObservedRequests();
        }
    }

    /** The paths of the HTTP server observations that completed. */
    static final class ObservedRequests implements ObservationHandler<ServerRequestObservationContext> {

        final Queue<String> paths = new ConcurrentLinkedQueue<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof ServerRequestObservationContext;
        }

        @Override
        public void onStop(ServerRequestObservationContext context) {
            paths.add(context.getCarrier().getPath().value());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ObservedRequests observed;

    @Test
    void handshakeIsNotObservedButOtherRequestsAre() throws Exception {
        try (TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), "json")) {
            client.hello("realm1");
        }
        HttpResponse<Void> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/not-wamp")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(other.statusCode()).isEqualTo(404);

        // the handshake's exchange ended with the connection, before the other request was made
        await().atMost(Duration.ofSeconds(20)).until(() -> observed.paths.contains("/not-wamp"));
        assertThat(observed.paths).doesNotContain("/ws");
    }
}
