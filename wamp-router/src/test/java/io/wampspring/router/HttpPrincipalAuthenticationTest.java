package io.wampspring.router;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.HttpPrincipalAuthenticator;
import io.wampspring.router.auth.PrincipalRoleMapper;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.transport.TransportPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code http} method: a session joins as the principal its transport's handshake authenticated, whether it
 * offers {@code http}, {@code anonymous} or nothing; without one it joins anonymously where the realm allows it.
 */
class HttpPrincipalAuthenticationTest {

    private static final TransportPrincipal ALICE =
            new TransportPrincipal("alice", List.of("FACTOR_PASSWORD", "ROLE_USER", "ROLE_ADMIN"), "spring-security");

    private final List<WampRouter> routers = new ArrayList<>();

    @AfterEach
    void shutdown() {
        routers.forEach(router -> router.shutdown(Duration.ZERO));
    }

    /** A realm that lists http (and anonymous, when {@code anonymous}), as the Spring configuration builds it. */
    private WampRouter router(PrincipalRoleMapper roles, boolean anonymous) {
        HttpPrincipalAuthenticator http = new HttpPrincipalAuthenticator(roles);
        Authenticator anonymousSessions = anonymous ? new AnonymousAuthenticator("guest") : null;
        WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(new RealmConfig("realm1",
                List.of(http, http.orAnonymous(anonymousSessions)), Authorizer.PERMIT_ALL)));
        routers.add(router);
        return router;
    }

    private static TestPeer peer(WampRouter router, Principal principal) {
        TestPeer peer = new TestPeer(router);
        peer.transport.principal = principal;
        return peer;
    }

    private static Map<String, Object> offering(String... methods) {
        return Map.of("roles", TestPeer.ROLES, "authmethods", List.of(methods));
    }

    @Test
    void aClientOfferingNothingJoinsAsTheHandshakesPrincipalWithItsFirstRole() {
        TestPeer peer = peer(router(PrincipalRoleMapper.firstRole(null), true), ALICE);

        Welcome welcome = peer.join("realm1");

        assertThat(welcome.details()).containsEntry("authid", "alice")
                .containsEntry("authrole", "user")
                .containsEntry("authmethod", "http")
                .containsEntry("authprovider", "spring-security");
    }

    @Test
    void offeringAnonymousOrHttpExplicitlyGivesThePrincipalToo() {
        WampRouter router = router(PrincipalRoleMapper.fixed("member"), true);
        TestPeer anonymous = peer(router, ALICE);
        anonymous.send(new Hello("realm1", offering("anonymous")));
        TestPeer http = peer(router, ALICE);
        http.send(new Hello("realm1", offering("ticket", "http")));

        assertThat(anonymous.next(Welcome.class).details()).containsEntry("authid", "alice")
                .containsEntry("authrole", "member").containsEntry("authmethod", "http");
        assertThat(http.next(Welcome.class).details()).containsEntry("authid", "alice")
                .containsEntry("authrole", "member").containsEntry("authmethod", "http");
    }

    @Test
    void withoutAnAuthenticatedHandshakeAClientJoinsAnonymouslyWhereTheRealmAllowsIt() {
        TestPeer peer = new TestPeer(router(PrincipalRoleMapper.firstRole(null), true));

        Welcome welcome = peer.join("realm1");

        assertThat(welcome.details()).containsEntry("authrole", "guest").containsEntry("authmethod", "anonymous");
        assertThat((String) welcome.details().get("authid")).startsWith("anonymous-");
    }

    @Test
    void withoutAnAuthenticatedHandshakeARealmWithoutAnonymousRefuses() {
        WampRouter router = router(PrincipalRoleMapper.firstRole(null), false);
        TestPeer anonymous = new TestPeer(router);
        anonymous.send(new Hello("realm1", offering("anonymous")));
        TestPeer http = new TestPeer(router);
        http.send(new Hello("realm1", offering("http")));

        assertThat(anonymous.next(Abort.class).reason()).isEqualTo(WampUris.NO_MATCHING_AUTH_METHOD);
        assertThat(http.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        assertThat(router.realm("realm1").sessions()).isEmpty();
    }

    @Test
    void aPrincipalWithoutARoleIsNotAuthorizedUnlessThereIsAFallback() {
        TransportPrincipal noRoles = new TransportPrincipal("bob", List.of("FACTOR_PASSWORD", "SCOPE_read"),
                "spring-security");
        TestPeer refused = peer(router(PrincipalRoleMapper.firstRole(null), true), noRoles);
        refused.send(new Hello("realm1", offering("anonymous")));
        TestPeer welcomed = peer(router(PrincipalRoleMapper.firstRole("reader"), true), noRoles);

        Abort abort = refused.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.NOT_AUTHORIZED);
        assertThat(abort.details().get("message")).asString().contains("'bob' has no role in realm 'realm1'");
        assertThat(welcomed.join("realm1").details()).containsEntry("authid", "bob")
                .containsEntry("authrole", "reader");
    }

    @Test
    void aPrincipalOfAnotherKindGivesItsNameAndNoAuthorities() {
        Principal container = () -> "carol";
        TestPeer peer = peer(router((realm, principal) -> principal.authorities().isEmpty() ? "plain" : null, true),
                container);

        assertThat(peer.join("realm1").details()).containsEntry("authid", "carol")
                .containsEntry("authrole", "plain").containsEntry("authprovider", "test");
    }
}
