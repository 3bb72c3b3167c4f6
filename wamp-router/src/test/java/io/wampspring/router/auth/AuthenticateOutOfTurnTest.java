package io.wampspring.router.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AUTHENTICATE where it does not belong (before HELLO, before the CHALLENGE, twice, after WELCOME), malformed, and
 * methods the realm does not offer: each ends the session with the spec's URI and is counted as a failed
 * authentication, and the router carries on.
 */
class AuthenticateOutOfTurnTest {

    /** A ticket realm whose verifier answers when the test says so. */
    private final CompletableFuture<AuthDecision> verdict = new CompletableFuture<>();

    private AuthTesting router() {
        return new AuthTesting(new TicketAuthenticator((request, ticket) -> verdict));
    }

    @Test
    void anAuthenticateBeforeHelloIsAProtocolViolation() {
        try (AuthTesting secure = router()) {
            TestPeer peer = new TestPeer(secure.router);
            peer.send(new Authenticate("ticket", Map.of()));

            assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
            assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void aSecondAuthenticateForOneChallengeIsAViolationCountedAsAFailedAuthentication() {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("ticket"), "alice", null);
            peer.next(Challenge.class);
            peer.send(new Authenticate("first", Map.of()));
            // the first is still being verified: the replay is out of turn
            peer.send(new Authenticate("second", Map.of()));

            Abort abort = peer.next(Abort.class);
            assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
            assertThat(abort.details().get("message").toString()).contains("without a CHALLENGE");
            assertThat(secure.failures).containsExactly("secure ticket wamp.error.protocol_violation");

            // the verdict that comes afterwards finds the session gone
            verdict.complete(AuthDecision.accept(new AuthIdentity("alice", "user", "ticket", "test")));
            assertThat(secure.router.realm("secure").sessions()).isEmpty();
            peer.expectNothingMore();
        }
    }

    @Test
    void anAuthenticateAfterWelcomeIsAProtocolViolation() {
        verdict.complete(AuthDecision.accept(new AuthIdentity("alice", "user", "ticket", "test")));
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("ticket"), "alice", null);
            peer.next(Challenge.class);
            peer.send(new Authenticate("ticket", Map.of()));
            peer.next(Welcome.class);

            peer.send(new Authenticate("ticket", Map.of()));

            assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
            assertThat(secure.failures).isEmpty();
        }
    }

    @Test
    void anAuthenticateWhoseSignatureIsNoStringIsAProtocolViolation() {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("ticket"), "alice", null);
            peer.next(Challenge.class);

            peer.sendText("[5, 42, {}]");

            assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
            assertThat(secure.failures).containsExactly("secure ticket wamp.error.protocol_violation");
            // everyone else carries on
            TestPeer next = secure.hello(List.of("ticket"), "bob", null);
            next.next(Challenge.class);
        }
    }

    @Test
    void aMethodTheRealmDoesNotOfferIsRefusedWithNoMatchingAuthMethod() {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("wampcra", "anonymous"), "alice", null);

            Abort abort = peer.next(Abort.class);
            assertThat(abort.reason()).isEqualTo("wamp.error.no_matching_auth_method");
            assertThat(abort.details().get("message").toString()).contains("[wampcra, anonymous]");
            assertThat(secure.failures).containsExactly("secure null wamp.error.no_matching_auth_method");

            // a HELLO without authmethods is anonymous, which this realm does not offer either
            TestPeer anonymous = new TestPeer(secure.router);
            anonymous.send(new Hello("secure", Map.of("roles", TestPeer.ROLES)));
            assertThat(anonymous.next(Abort.class).reason()).isEqualTo(WampUris.NO_MATCHING_AUTH_METHOD);
        }
    }
}
