package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ticket authentication against configured principals: the spec's exchange, wrong tickets, unknown authids. */
class TicketAuthenticationTest {

    private static final Map<String, TicketPrincipal> PRINCIPALS = Map.of(
            "alice", new TicketPrincipal("user", "alice-ticket"),
            "root", new TicketPrincipal("admin", "root-ticket"));

    private static AuthTesting router(SecretMatcher matcher, Map<String, TicketPrincipal> principals) {
        return new AuthTesting(new TicketAuthenticator(new PrincipalTicketVerifier(principals, matcher, "static")));
    }

    @Test
    void theRightTicketJoinsWithThePrincipalsRole() {
        try (AuthTesting secure = router(SecretMatcher.PLAIN, PRINCIPALS)) {
            TestPeer peer = secure.hello(List.of("ticket"), "alice", null);

            Challenge challenge = peer.next(Challenge.class);
            assertThat(challenge.authMethod()).isEqualTo("ticket");
            assertThat(challenge.extra()).isEmpty();
            peer.send(new Authenticate("alice-ticket", Map.of()));

            Welcome welcome = peer.next(Welcome.class);
            assertThat(welcome.details()).containsEntry("authid", "alice").containsEntry("authrole", "user")
                    .containsEntry("authmethod", "ticket").containsEntry("authprovider", "static");
            assertThat(secure.failures).isEmpty();
        }
    }

    @Test
    void aWrongTicketAndAnUnknownAuthidAreAbortedAlike() {
        try (AuthTesting secure = router(SecretMatcher.PLAIN, PRINCIPALS)) {
            TestPeer wrong = secure.hello(List.of("ticket"), "alice", null);
            wrong.next(Challenge.class);
            wrong.send(new Authenticate("root-ticket", Map.of()));
            Abort wrongAbort = wrong.next(Abort.class);

            // an unknown authid is challenged too: the HELLO's answer does not tell it apart
            TestPeer unknown = secure.hello(List.of("ticket"), "mallory", null);
            unknown.next(Challenge.class);
            unknown.send(new Authenticate("alice-ticket", Map.of()));
            Abort unknownAbort = unknown.next(Abort.class);

            assertThat(wrongAbort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
            assertThat(unknownAbort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
            assertThat(unknownAbort.details()).isEqualTo(wrongAbort.details());
            assertThat(wrong.transport.isClosed()).isTrue();
            assertThat(secure.router.realm("secure").sessions()).isEmpty();
            assertThat(secure.failures).containsExactly("secure ticket wamp.error.authentication_failed",
                    "secure ticket wamp.error.authentication_failed");
        }
    }

    @Test
    void aHelloWithoutAuthidCannotUseConfiguredTickets() {
        try (AuthTesting secure = router(SecretMatcher.PLAIN, PRINCIPALS)) {
            TestPeer peer = secure.hello(List.of("ticket"), null, null);
            peer.next(Challenge.class);
            peer.send(new Authenticate("alice-ticket", Map.of()));

            assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void storedTicketsMayBeHashedThroughTheMatcher() {
        // stored as SHA-256 hex: the matcher hashes what the client presents
        SecretMatcher sha256 = (presented, stored) -> SecretMatcher.PLAIN.matches(sha256Hex(presented), stored);
        try (AuthTesting secure = router(sha256,
                Map.of("alice", new TicketPrincipal("user", sha256Hex("alice-ticket"))))) {
            TestPeer hashedAsTicket = secure.hello(List.of("ticket"), "alice", null);
            hashedAsTicket.next(Challenge.class);
            hashedAsTicket.send(new Authenticate(sha256Hex("alice-ticket"), Map.of()));
            assertThat(hashedAsTicket.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);

            TestPeer peer = secure.hello(List.of("ticket"), "alice", null);
            peer.next(Challenge.class);
            peer.send(new Authenticate("alice-ticket", Map.of()));
            assertThat(peer.next(Welcome.class).details()).containsEntry("authid", "alice");
        }
    }

    @Test
    void plainMatchingComparesWholeSecrets() {
        assertThat(SecretMatcher.PLAIN.matches("alice-ticket", "alice-ticket")).isTrue();
        assertThat(SecretMatcher.PLAIN.matches("alice-ticke", "alice-ticket")).isFalse();
        assertThat(SecretMatcher.PLAIN.matches("alice-ticket!", "alice-ticket")).isFalse();
        assertThat(SecretMatcher.PLAIN.matches("", "alice-ticket")).isFalse();
        assertThat(new TicketPrincipal("user", "alice-ticket").toString()).doesNotContain("alice-ticket");
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
