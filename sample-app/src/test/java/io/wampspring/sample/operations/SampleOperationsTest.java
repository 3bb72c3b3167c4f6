package io.wampspring.sample.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample app, as a new user starts it, shows its router in the actuator: endpoint, health and meters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleOperationsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRouterIsVisibleInTheActuator() throws Exception {
        HttpResponse<String> wamp = get("/actuator/wamp");
        assertThat(wamp.statusCode()).isEqualTo(200);
        // the annotated beans' procedures are listed in realm1
        assertThat(wamp.body()).contains("\"realm1\"").contains("com.shop.order.create");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"wamp\"").contains("\"UP\"");

        HttpResponse<String> sessions = get("/actuator/metrics/wamp.sessions");
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("\"realm\"");
    }
}
