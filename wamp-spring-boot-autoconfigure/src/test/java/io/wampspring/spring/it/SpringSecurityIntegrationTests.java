package io.wampspring.spring.it;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Welcome;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.auth.WampRealmAuthenticator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring Security and WAMP: an application whose WebSocket handshake takes HTTP Basic (an in-memory user alice with
 * role USER). Alice joins as herself through the http method, an unauthenticated client joins anonymously (or is
 * refused where the realm has no anonymous method), annotated methods see her as their {@link Principal} and
 * {@link Authentication}, and the application's authenticator beans are offered where realms list them. Spring
 * Security without Boot's security auto-configuration (not on this module's test classpath, so the other tests'
 * applications stay unsecured): the filter chain is this application's own, a servlet one on Tomcat and a WebFlux
 * one on the reactive transport ({@link ReactiveSpringSecurityIntegrationTests}).
 */
@SpringBootTest(classes = SpringSecurityIntegrationTests.SecuredApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1",
                "wamp.realms[0].name=realm1", "wamp.realms[0].auth-methods=http,anonymous",
                "wamp.realms[0].caller-disclosure=always", "wamp.realms[0].publisher-disclosure=always",
                "wamp.realms[1].name=members", "wamp.realms[1].auth-methods=http",
                "wamp.realms[1].http-principal.role-mapping=fixed", "wamp.realms[1].http-principal.role=member",
                "wamp.realms[2].name=partners", "wamp.realms[2].auth-methods=partner-token",
                "wamp.realms[3].name=lobby", "wamp.realms[3].auth-methods=anonymous"})
class SpringSecurityIntegrationTests {

    private static final Map<String, String> ALICE = basic("alice", "alice-password");

    @LocalServerPort
    int port;

    @Autowired
    SecuredEndpoints endpoints;

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
        TestWampClient client = TestWampClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), "json",
                headers);
        clients.add(client);
        return client;
    }

    @Test
    void aliceAuthenticatedByTheHandshakeJoinsAsHerselfWithHerRole() {
        Welcome welcome = connect(ALICE).hello("realm1");

        assertThat(welcome.details()).containsEntry("authid", "alice")
                .containsEntry("authrole", "user")
                .containsEntry("authmethod", "http")
                .containsEntry("authprovider", "spring-security");
    }

    @Test
    void anUnauthenticatedHandshakeJoinsAnonymouslyOrIsRefusedWhereTheRealmHasNoAnonymousMethod() {
        Welcome anonymous = connect(Map.of()).hello("realm1");
        TestWampClient refused = connect(Map.of());
        refused.send(new Hello("members", TestWampSession.helloDetails()));

        assertThat(anonymous.details()).containsEntry("authrole", "anonymous")
                .containsEntry("authmethod", "anonymous");
        assertThat((String) anonymous.details().get("authid")).startsWith("anonymous-");
        Abort abort = refused.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.no_matching_auth_method");
        assertThat(connect(ALICE).hello("members").details()).containsEntry("authid", "alice")
                .containsEntry("authrole", "member");
    }

    @Test
    void wrongCredentialsRefuseTheHandshakeItself() {
        assertThatThrownBy(() -> connect(basic("alice", "wrong")))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void annotatedProceduresSeeTheCallerAsPrincipalAndAuthentication() {
        TestWampClient alice = connect(ALICE);
        alice.hello("realm1");
        TestWampClient anonymous = connect(Map.of());
        anonymous.hello("realm1");

        assertThat(alice.callForValue("test.security.whoami")).isEqualTo("alice");
        assertThat(alice.callForValue("test.security.authentication")).isEqualTo(List.of("alice", "ROLE_user"));
        assertThat((String) anonymous.callForValue("test.security.whoami")).startsWith("anonymous-");
        assertThat(anonymous.callForValue("test.security.authentication")).asList()
                .contains("ROLE_anonymous");
    }

    @Test
    void annotatedSubscribersSeeThePublisherAsAuthentication() throws InterruptedException {
        TestWampClient alice = connect(ALICE);
        alice.hello("realm1");

        alice.publishAcknowledged("test.security.said", List.of("hello"), null);

        assertThat(TestWampSession.poll(endpoints.said, "event")).isEqualTo("alice (ROLE_user): hello");
    }

    @Test
    void anApplicationAuthenticatorBeanIsARealmsMethodWhereItIsListed() {
        TestWampClient partner = connect(Map.of());
        Welcome welcome = partner.hello("partners", Map.of("roles", Map.of("caller", Map.of()),
                "authmethods", List.of("partner-token"), "authid", "acme", "authextra", Map.of("token", "acme-42")));
        TestWampClient impostor = connect(Map.of());
        impostor.send(new Hello("partners", Map.of("roles", Map.of("caller", Map.of()),
                "authmethods", List.of("partner-token"), "authid", "acme", "authextra", Map.of("token", "guess"))));
        TestWampClient elsewhere = connect(Map.of());
        elsewhere.send(new Hello("realm1", Map.of("roles", Map.of("caller", Map.of()),
                "authmethods", List.of("partner-token"), "authid", "acme", "authextra", Map.of("token", "acme-42"))));

        assertThat(welcome.details()).containsEntry("authid", "acme").containsEntry("authrole", "partner")
                .containsEntry("authmethod", "partner-token").containsEntry("authprovider", "application");
        assertThat(impostor.nextAbort().reason()).isEqualTo("wamp.error.authentication_failed");
        // realm1 does not list partner-token
        assertThat(elsewhere.nextAbort().reason()).isEqualTo("wamp.error.no_matching_auth_method");
    }

    @Test
    void aRealmAuthenticatorBeanReplacesTheBuiltInMethodInItsRealmsOnly() {
        assertThat(connect(Map.of()).hello("lobby").details()).containsEntry("authrole", "visitor")
                .containsEntry("authprovider", "lobby");
        assertThat(connect(Map.of()).hello("realm1").details()).containsEntry("authrole", "anonymous")
                .containsEntry("authprovider", "static");
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ServletSecurity.class, ReactiveSecurity.class})
    static class SecuredApplication {

        @Bean
        SecuredEndpoints securedEndpoints() {
            return new SecuredEndpoints();
        }

        /** An authentication method of the application's own, for every realm that lists partner-token. */
        @Bean
        Authenticator partnerTokenAuthenticator() {
            return new Authenticator() {
                @Override
                public String authMethod() {
                    return "partner-token";
                }

                @Override
                public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
                    Object extra = request.helloDetails().get("authextra");
                    boolean valid = request.authid() != null && extra instanceof Map<?, ?> map
                            && (request.authid() + "-42").equals(map.get("token"));
                    return CompletableFuture.completedFuture(valid
                            ? AuthDecision.accept(new AuthIdentity(request.authid(), "partner", "partner-token",
                                    "application"))
                            : AuthDecision.reject("wamp.error.authentication_failed", "unknown partner token"));
                }
            };
        }

        /** Anonymous sessions of the lobby are visitors; other realms keep the built-in anonymous method. */
        @Bean
        WampRealmAuthenticator lobbyVisitors() {
            Authenticator visitors = new Authenticator() {
                @Override
                public String authMethod() {
                    return AnonymousAuthenticator.METHOD;
                }

                @Override
                public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
                    return CompletableFuture.completedFuture(AuthDecision.accept(new AuthIdentity(
                            "visitor-" + request.sessionId(), "visitor", "anonymous", "lobby")));
                }
            };
            return WampRealmAuthenticator.of(visitors, "lobby");
        }
    }

    /** The handshake is open to all; Basic credentials, when sent, authenticate it (and wrong ones refuse it). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSecurity
    static class ServletSecurity {

        @Bean
        SecurityFilterChain filterChain(HttpSecurity http) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(alice());
        }
    }

    /** The same chain in WebFlux's terms, for the reactive transport. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @EnableWebFluxSecurity
    static class ReactiveSecurity {

        @Bean
        SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }

        @Bean
        MapReactiveUserDetailsService users() {
            return new MapReactiveUserDetailsService(alice());
        }
    }

    private static UserDetails alice() {
        return User.withUsername("alice").password("{noop}alice-password").roles("USER").build();
    }

    static class SecuredEndpoints {

        final BlockingQueue<String> said = new LinkedBlockingQueue<>();

        @WampProcedure("test.security.whoami")
        String whoami(@Nullable Principal caller) {
            return caller != null ? caller.getName() : "nobody";
        }

        @WampProcedure("test.security.authentication")
        List<String> authentication(Authentication caller) {
            List<String> described = new ArrayList<>(List.of(caller.getName()));
            caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(described::add);
            return described;
        }

        @WampTopic("test.security.said")
        void said(String text, Authentication publisher) {
            said.add(publisher.getName() + " (" + String.join(", ", publisher.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).toList()) + "): " + text);
        }
    }
}
