package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication in the opening handshake: CHALLENGE and AUTHENTICATE, a rejected answer, an AUTHENTICATE nobody asked
 * for, and a decision made later on another thread.
 */
class SessionAuthenticationTest {

    @Test
    void challengeResponseAuthenticationWelcomesWithTheAuthenticatorsIdentity() {
        WampRouter secured = new WampRouter(RouterConfig.defaults(),
                List.of(new RealmConfig("secure", List.of(new TicketAuthenticator()), Authorizer.PERMIT_ALL)));
        try {
            TestPeer peer = new TestPeer(secured, Serializers.MSGPACK);
            peer.send(new Hello("secure", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("ticket"),
                    "authid", "alice")));

            Challenge challenge = peer.next(Challenge.class);
            assertThat(challenge.authMethod()).isEqualTo("ticket");
            assertThat(challenge.extra()).isEmpty();
            peer.send(new Authenticate("secret", Map.of()));

            Welcome welcome = peer.next(Welcome.class);
            assertThat(welcome.details()).containsEntry("authid", "alice")
                    .containsEntry("authrole", "user")
                    .containsEntry("authmethod", "ticket")
                    .containsEntry("authprovider", "test")
                    .containsEntry("authextra", Map.of("level", 3L))
                    .containsEntry("realm", "secure");
            assertThat(secured.realm("secure").session(welcome.session()).identity().authid()).isEqualTo("alice");
        }
        finally {
            secured.shutdown(Duration.ZERO);
        }
    }

    @Test
    void aRejectedTicketIsAborted() {
        WampRouter secured = new WampRouter(RouterConfig.defaults(),
                List.of(new RealmConfig("secure", List.of(new TicketAuthenticator()), Authorizer.PERMIT_ALL)));
        try {
            TestPeer peer = new TestPeer(secured);
            peer.send(new Hello("secure", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("ticket"),
                    "authid", "alice")));
            peer.next(Challenge.class);

            peer.send(new Authenticate("wrong", Map.of()));

            Abort abort = peer.next(Abort.class);
            assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
            assertThat(peer.transport.isClosed()).isTrue();
            assertThat(secured.realm("secure").sessions()).isEmpty();
        }
        finally {
            secured.shutdown(Duration.ZERO);
        }
    }

    @Test
    void aSecondAuthenticateWithoutChallengeIsAViolation() {
        WampRouter secured = new WampRouter(RouterConfig.defaults(), List.of(new RealmConfig("secure",
                List.of(new PendingAuthenticator()), Authorizer.PERMIT_ALL)));
        try {
            TestPeer peer = new TestPeer(secured);
            peer.send(new Hello("secure", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("pending"))));
            peer.expectNothingMore();

            peer.send(new Authenticate("too early", Map.of()));

            assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
            assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.PROTOCOL_ERROR);
        }
        finally {
            secured.shutdown(Duration.ZERO);
        }
    }

    @Test
    void anAsynchronousAuthenticatorMayDecideOnAnotherThread() {
        CompletableFuture<AuthDecision> decision = new CompletableFuture<>();
        Authenticator later = new Authenticator() {
            @Override
            public String authMethod() {
                return "later";
            }

            @Override
            public CompletableFuture<AuthDecision> authenticate(AuthRequest request) {
                return decision;
            }
        };
        WampRouter secured = new WampRouter(RouterConfig.defaults(),
                List.of(new RealmConfig("secure", List.of(later), Authorizer.PERMIT_ALL)));
        try {
            TestPeer peer = new TestPeer(secured);
            peer.send(new Hello("secure", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("later"))));
            peer.expectNothingMore();

            CompletableFuture.runAsync(() -> decision.complete(
                    AuthDecision.accept(new AuthIdentity("bob", "admin", "later", "async"))));

            Welcome welcome = peer.next(Welcome.class);
            assertThat(welcome.details()).containsEntry("authid", "bob").containsEntry("authrole", "admin");
        }
        finally {
            secured.shutdown(Duration.ZERO);
        }
    }

    /** Ticket authentication: accepts the ticket "secret" for any authid. */
    private static final class TicketAuthenticator implements Authenticator {

        @Override
        public String authMethod() {
            return "ticket";
        }

        @Override
        public CompletableFuture<AuthDecision> authenticate(AuthRequest request) {
            String authid = request.authid();
            return CompletableFuture.completedFuture(new AuthDecision.Challenge(Map.of(),
                    authenticate -> CompletableFuture.completedFuture("secret".equals(authenticate.signature())
                            ? AuthDecision.accept(new AuthIdentity(authid, "user", "ticket", "test",
                                    Map.of("level", 3L)))
                            : AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "wrong ticket"))));
        }
    }

    /** Never decides. */
    private static final class PendingAuthenticator implements Authenticator {

        @Override
        public String authMethod() {
            return "pending";
        }

        @Override
        public CompletableFuture<AuthDecision> authenticate(AuthRequest request) {
            return new CompletableFuture<>();
        }
    }
}
