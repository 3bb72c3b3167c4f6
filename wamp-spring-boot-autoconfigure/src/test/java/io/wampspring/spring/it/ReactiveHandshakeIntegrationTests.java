package io.wampspring.spring.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Welcome;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reactive transport takes from the HTTP handshake: the exchange's principal (set here by a plain
 * {@link WebFilter}, as any reactive authentication would) reaches the router for the {@code http} method, and the
 * peer's address reaches the session's transport details.
 */
@ReactiveTransport
@SpringBootTest(classes = ReactiveHandshakeIntegrationTests.PrincipalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.realms[0].name=realm1",
                "wamp.realms[0].auth-methods=http,anonymous", "wamp.realms[0].http-principal.role-mapping=fixed",
                "wamp.realms[0].http-principal.role=member"})
class ReactiveHandshakeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WampTemplate template;

    private final List<TestWampClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TestWampClient::close);
    }

    private TestWampClient connect(Map<String, String> headers) {
        TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), "json", headers);
        clients.add(client);
        return client;
    }

    @Test
    void theExchangesPrincipalJoinsThroughTheHttpMethod() {
        Welcome welcome = connect(Map.of("X-Test-User", "alice")).hello("realm1");
        assertThat(welcome.details()).containsEntry("authid", "alice").containsEntry("authmethod", "http")
                .containsEntry("authrole", "member")
                .containsEntry("authprovider", "webflux");

        Welcome anonymous = connect(Map.of()).hello("realm1");
        assertThat(anonymous.details()).containsEntry("authmethod", "anonymous");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePeersAddressIsInTheSessionsTransportDetails() throws Exception {
        Welcome welcome = connect(Map.of()).hello("realm1");
        Map<String, Object> session = template.call("wamp.session.get", Map.class, welcome.session())
                .get(20, TimeUnit.SECONDS);
        Map<String, Object> transport = (Map<String, Object>) session.get("transport");
        assertThat(transport).containsEntry("type", "websocket").containsEntry("serializer", "json");
        assertThat((String) transport.get("peer")).startsWith("127.0.0.1:");
    }

    /** The test application with a filter that authenticates whoever names themselves in X-Test-User. */
    @Configuration(proxyBeanMethods = false)
    @Import(WampTestApplication.class)
    static class PrincipalApplication {

        @Bean
        WebFilter testUserFilter() {
            return (exchange, chain) -> {
                String user = exchange.getRequest().getHeaders().getFirst("X-Test-User");
                return chain.filter(user == null ? exchange
                        : exchange.mutate().principal(Mono.just(() -> user)).build());
            };
        }
    }
}
