package io.wampspring.router.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterExecutors;
import io.wampspring.router.RouterObserver;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.serialization.Serializers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WAMP-SCRAM through the router's handshake, against a client that computes its side from the spec's formulas
 * ({@link ScramTestClient}): both method names, both key derivation functions, the server signature in WELCOME, and
 * every way to fail, each ending in ABORT {@code wamp.error.authentication_failed} and counted.
 */
class ScramAuthenticatorTest {

    /** Cheap costs: the exchange is under test here, not the cost. */
    private static final ScramParameters ARGON2 = ScramParameters.argon2id(1, 64);
    private static final ScramParameters PBKDF2 = ScramParameters.pbkdf2(1000);

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(realm()),
            RouterExecutors.owned(), new RouterObserver() {
                @Override
                public void authenticationFailed(String realm, @Nullable String authMethod, String error) {
                    failures.add(realm + " " + authMethod + " " + error);
                }
            });

    private static RealmConfig realm() {
        ScramCredentialLookup users = ScramCredentialLookup.of(Map.of(
                "dave", ScramPrincipal.fromPassword("user", "dave-secret", ARGON2),
                "erin", ScramPrincipal.fromPassword("admin", "erin-secret", PBKDF2),
                "a=b,c", ScramPrincipal.fromPassword("user", "odd-secret", PBKDF2)));
        ScramAuthenticator scram = new ScramAuthenticator(ScramDialect.WAMP_SCRAM, users, ARGON2);
        return new RealmConfig("secure", List.of(scram, scram.underOtherName()), Authorizer.PERMIT_ALL);
    }

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "wamp-scram, dave, dave-secret, argon2id13,  user,  verifier",
            "wamp-scram, erin, erin-secret, pbkdf2,      admin, verifier",
            "scram,      dave, dave-secret, argon2id-13, user,  scram_server_signature",
            "scram,      erin, erin-secret, pbkdf2,      admin, scram_server_signature",
    })
    void theRightPasswordIsWelcomedWithTheServerSignature(String method, String authid, String password, String kdf,
            String authrole, String verifierKey) {
        ScramTestClient client = new ScramTestClient(method, authid, password);
        TestPeer peer = new TestPeer(router, Serializers.MSGPACK);
        peer.send(new Hello("secure", client.helloDetails()));

        Challenge challenge = peer.next(Challenge.class);
        assertThat(challenge.authMethod()).isEqualTo(method);
        assertThat(challenge.extra()).containsEntry("kdf", kdf)
                .containsOnlyKeys(kdf.equals("pbkdf2") ? List.of("nonce", "salt", "kdf", "iterations")
                        : List.of("nonce", "salt", "kdf", "iterations", "memory"));
        assertThat(((Number) challenge.extra().get("iterations")).intValue())
                .isEqualTo(kdf.equals("pbkdf2") ? 1000 : 1);
        peer.send(client.answer(challenge));

        Welcome welcome = peer.next(Welcome.class);
        assertThat(welcome.details()).containsEntry("authid", authid).containsEntry("authrole", authrole)
                .containsEntry("authmethod", method).containsEntry("authprovider", "static")
                .containsEntry("authextra", Map.of(verifierKey, client.expectedServerSignature()));
        assertThat(failures).isEmpty();
    }

    @Test
    void anAuthidWithCommaAndEqualsSignIsEscapedInTheAuthMessage() {
        ScramTestClient client = new ScramTestClient("wamp-scram", "a=b,c", "odd-secret");
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", client.helloDetails()));
        peer.send(client.answer(peer.next(Challenge.class)));

        assertThat(peer.next(Welcome.class).details()).containsEntry("authid", "a=b,c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wamp-scram", "scram"})
    void aWrongPasswordIsAborted(String method) {
        ScramTestClient client = new ScramTestClient(method, "dave", "not-dave-secret");
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", client.helloDetails()));
        peer.send(client.answer(peer.next(Challenge.class)));

        assertAborted(peer, "wrong password or unknown authid");
        assertThat(failures).containsExactly("secure " + method + " " + WampUris.AUTHENTICATION_FAILED);
    }

    @Test
    void anUnknownAuthidGetsAStableChallengeAndFailsLikeAWrongPassword() {
        Challenge first = challengeFor("wamp-scram", "mallory");
        Challenge second = challengeFor("wamp-scram", "mallory");
        Challenge otherName = challengeFor("scram", "mallory");
        Challenge known = challengeFor("wamp-scram", "dave");

        // shaped like a real user's challenge, with a salt that does not change between attempts or method names
        assertThat(first.extra()).containsOnlyKeys(known.extra().keySet())
                .containsEntry("kdf", "argon2id13").containsEntry("iterations", 1L).containsEntry("memory", 64L);
        assertThat(second.extra().get("salt")).isEqualTo(first.extra().get("salt"));
        assertThat(otherName.extra().get("salt")).isEqualTo(first.extra().get("salt"));
        assertThat(otherName.extra()).containsEntry("kdf", "argon2id-13");
        assertThat(challengeFor("wamp-scram", "trudy").extra().get("salt")).isNotEqualTo(first.extra().get("salt"));

        ScramTestClient client = new ScramTestClient("wamp-scram", "mallory", "guess");
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", client.helloDetails()));
        peer.send(client.answer(peer.next(Challenge.class)));
        assertAborted(peer, "wrong password or unknown authid");
    }

    @Test
    void aCapturedAuthenticateCannotBeReplayedInAnotherSession() {
        ScramTestClient client = new ScramTestClient("wamp-scram", "dave", "dave-secret");
        TestPeer first = new TestPeer(router);
        first.send(new Hello("secure", client.helloDetails()));
        Authenticate captured = client.answer(first.next(Challenge.class));
        first.send(captured);
        first.next(Welcome.class);

        // the same HELLO (same client nonce) gets a new server nonce: the old proof and nonce no longer fit
        TestPeer replay = new TestPeer(router);
        replay.send(new Hello("secure", client.helloDetails()));
        assertThat(replay.next(Challenge.class).extra().get("nonce"))
                .isNotEqualTo(captured.extra().get("nonce"));
        replay.send(captured);
        assertAborted(replay, "AUTHENTICATE.Extra.nonce must be the nonce of the CHALLENGE");

        TestPeer proofOnly = new TestPeer(router);
        proofOnly.send(new Hello("secure", client.helloDetails()));
        Map<String, Object> extra = new HashMap<>(captured.extra());
        extra.put("nonce", proofOnly.next(Challenge.class).extra().get("nonce"));
        proofOnly.send(new Authenticate(captured.signature(), extra));
        assertAborted(proofOnly, "wrong password or unknown authid");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no authid                | authid                 |             | needs an authid",
            "no nonce                 | authextra.nonce        |             | needs HELLO.Details.authextra.nonce",
            "nonce not base64         | authextra.nonce        | not base64! | needs HELLO.Details.authextra.nonce",
            "nonce not canonical      | authextra.nonce        | QQ=         | needs HELLO.Details.authextra.nonce",
            "authextra not a dict     | authextra              | nonce       | authextra must be a dictionary",
            "channel binding          | authextra.channel_binding | tls-unique | channel binding 'tls-unique' is not supported",
    })
    @SuppressWarnings("unchecked")
    void aHelloScramCannotWorkWithIsAborted(String name, String key, @Nullable String value, String message) {
        ScramTestClient client = new ScramTestClient("wamp-scram", "dave", "dave-secret");
        Map<String, Object> details = new HashMap<>(client.helloDetails());
        if (key.startsWith("authextra.")) {
            Map<String, Object> authextra = new HashMap<>((Map<String, Object>) details.get("authextra"));
            put(authextra, key.substring("authextra.".length()), value);
            details.put("authextra", authextra);
        }
        else {
            put(details, key, value);
        }
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", details));

        assertAborted(peer, message);
        assertThat(failures).containsExactly("secure wamp-scram " + WampUris.AUTHENTICATION_FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "proof not base64          | signature       | %%%%            | base64 ClientProof",
            "proof of 31 bytes         | signature       | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA== | base64 ClientProof",
            "proof not canonical       | signature       | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB= | base64 ClientProof",
            "nonce missing             | nonce           |                 | nonce of the CHALLENGE",
            "nonce of another exchange | nonce           | AAAAAAAAAAAAAAAAAAAAAA== | nonce of the CHALLENGE",
            "channel binding           | channel_binding | tls-unique      | channel binding",
            "channel binding data      | cbind_data      | AAAA            | channel binding",
    })
    void aMalformedAuthenticateIsAborted(String name, String key, @Nullable String value, String message) {
        aMalformedAuthenticateIsAborted("wamp-scram", authenticate -> {
            if (key.equals("signature")) {
                return new Authenticate(value, authenticate.extra());
            }
            Map<String, Object> extra = new HashMap<>(authenticate.extra());
            put(extra, key, value);
            return new Authenticate(authenticate.signature(), extra);
        }, message);
    }

    @Test
    void theScramFormNeedsNoNonceInAuthenticateButAWrongOneFails() {
        aMalformedAuthenticateIsAborted("scram", authenticate -> new Authenticate(authenticate.signature(),
                Map.of("nonce", "AAAAAAAAAAAAAAAAAAAAAA==")), "nonce of the CHALLENGE");
    }

    private void aMalformedAuthenticateIsAborted(String method, UnaryOperator<Authenticate> spoil, String message) {
        ScramTestClient client = new ScramTestClient(method, "dave", "dave-secret");
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", client.helloDetails()));
        peer.send(spoil.apply(client.answer(peer.next(Challenge.class))));

        assertAborted(peer, message);
        assertThat(failures).containsExactly("secure " + method + " " + WampUris.AUTHENTICATION_FAILED);
        // the router goes on: the same user still gets in
        TestPeer next = new TestPeer(router);
        ScramTestClient again = new ScramTestClient(method, "dave", "dave-secret");
        next.send(new Hello("secure", again.helloDetails()));
        next.send(again.answer(next.next(Challenge.class)));
        assertThat(next.next(Welcome.class).details()).containsEntry("authid", "dave");
    }

    @Test
    void aSecondAuthenticateAfterWelcomeIsAProtocolViolation() {
        ScramTestClient client = new ScramTestClient("wamp-scram", "dave", "dave-secret");
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", client.helloDetails()));
        Authenticate authenticate = client.answer(peer.next(Challenge.class));
        peer.send(authenticate);
        peer.next(Welcome.class);

        peer.send(authenticate);

        assertThat(peer.next(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
    }

    private Challenge challengeFor(String method, String authid) {
        TestPeer peer = new TestPeer(router);
        peer.send(new Hello("secure", new ScramTestClient(method, authid, "x").helloDetails()));
        Challenge challenge = peer.next(Challenge.class);
        peer.disconnect();
        return challenge;
    }

    private static void assertAborted(TestPeer peer, String message) {
        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        assertThat(abort.details().get("message")).asString().contains(message);
        TestPeer.awaitFast(() -> peer.transport.isClosed());
    }

    private static void put(Map<String, Object> map, String key, @Nullable String value) {
        if (value == null) {
            map.remove(key);
        }
        else {
            map.put(key, value);
        }
    }
}
