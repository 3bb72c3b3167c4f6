package io.wampspring.spring.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link WampTestApplication} on Tomcat at 127.0.0.1 on a random port; subclasses with the same configuration
 * share one application context. Clients opened through {@link #connect} are closed after each test.
 */
@SpringBootTest(classes = WampTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.level.io.wampspring=info"})
abstract class AbstractWampIntegrationTests {

    @LocalServerPort
    int port;

    private final List<TestWampClient> clients = new ArrayList<>();

    URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** A client with the serializer's subprotocol, not yet joined. */
    TestWampClient connect(String serializer) {
        TestWampClient client = TestWampClient.connect(uri(), serializer);
        clients.add(client);
        assertThat(client.subprotocol()).isEqualTo("wamp.2." + serializer);
        return client;
    }

    /** A client joined to realm1. */
    TestWampClient join(String serializer) {
        TestWampClient client = connect(serializer);
        client.hello("realm1");
        return client;
    }

    /** A WebSocket offering exactly these subprotocols. */
    TestWampClient connectRaw(String... subprotocols) {
        TestWampClient client = TestWampClient.connectRaw(uri(), subprotocols);
        clients.add(client);
        return client;
    }

    /** A fresh session on the same application joins and gets a call answered. */
    void assertRouterStillServes(String serializer) {
        try (TestWampClient client = TestWampClient.connect(uri(), serializer)) {
            client.hello("realm1");
            assertThat(client.callForValue("test.add", 20, 22)).isEqualTo(42L);
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TestWampClient::close);
        clients.clear();
    }
}
