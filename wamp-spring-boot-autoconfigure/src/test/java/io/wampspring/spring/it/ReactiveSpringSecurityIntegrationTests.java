package io.wampspring.spring.it;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring Security's reactive filter chain on the reactive transport's handshake, as {@link SpringSecurityIntegrationTests}
 * has it on Tomcat: HTTP Basic authenticates the handshake, the {@code http} method joins the user with the roles
 * of their authorities, and wrong credentials refuse the handshake with 401.
 */
@ReactiveTransport
@SpringBootTest(classes = ReactiveSpringSecurityIntegrationTests.SecuredReactiveApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.realms[0].name=realm1",
                "wamp.realms[0].auth-methods=http,anonymous"})
class ReactiveSpringSecurityIntegrationTests {

    @LocalServerPort
    int port;

    private final List<TestWampClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TestWampClient::close);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private TestWampClient connect(Map<String, String> headers) {
        TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), "cbor", headers);
        clients.add(client);
        return client;
    }

    @Test
    void aliceAuthenticatedByTheHandshakeJoinsAsHerselfWithHerRole() {
        Welcome welcome = connect(basic("alice", "alice-password")).hello("realm1");
        assertThat(welcome.details()).containsEntry("authid", "alice").containsEntry("authrole", "user")
                .containsEntry("authmethod", "http").containsEntry("authprovider", "spring-security");
        assertThat(connect(Map.of()).hello("realm1").details()).containsEntry("authmethod", "anonymous");
    }

    @Test
    void wrongCredentialsRefuseTheHandshakeItself() {
        assertThatThrownBy(() -> connect(basic("alice", "wrong")))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFluxSecurity
    @Import(WampTestApplication.class)
    static class SecuredReactiveApplication {

        @Bean
        SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
            // the handshake is open to all; Basic credentials, when sent, authenticate it (and wrong ones refuse it)
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }

        @Bean
        MapReactiveUserDetailsService users() {
            return new MapReactiveUserDetailsService(User.withUsername("alice").password("{noop}alice-password")
                    .roles("USER").build());
        }
    }
}
