package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.api.Test;

import static io.wampspring.router.auth.AuthTesting.craSignature;
import static io.wampspring.router.auth.AuthTesting.derivedKey;
import static org.assertj.core.api.Assertions.assertThat;

/** WAMP-CRA: the challenge as the spec defines it, plain and salted secrets, wrong and replayed signatures. */
class WampCraAuthenticationTest {

    private static final CraSalt SALT = new CraSalt("pepper", 1000, 32);

    private static AuthTesting router() {
        return new AuthTesting(new WampCraAuthenticator(Map.of(
                "bob", CraPrincipal.plain("user", "bob-secret"),
                "salty", CraPrincipal.salted("admin", "salty-secret", SALT),
                "stored", CraPrincipal.derived("user", "DpHHRlQ6UNULJlP9J8WkPw==", new CraSalt("salt123", 100, 16))),
                "static"));
    }

    @Test
    void theChallengeIsTheSpecsJsonAndTheSignatureItsHmac() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("wampcra"), "bob", null);

            Challenge challenge = peer.next(Challenge.class);
            assertThat(challenge.authMethod()).isEqualTo("wampcra");
            assertThat(challenge.extra()).containsOnlyKeys("challenge");
            String json = (String) challenge.extra().get("challenge");
            assertThat(json).startsWith("{").endsWith("}")
                    .contains("\"authid\":\"bob\"", "\"authrole\":\"user\"", "\"authmethod\":\"wampcra\"",
                            "\"authprovider\":\"static\"", "\"nonce\":\"")
                    .containsPattern("\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"")
                    .containsPattern("\"session\":\\d+");
            peer.send(new Authenticate(craSignature("bob-secret".getBytes(StandardCharsets.UTF_8), json), Map.of()));

            Welcome welcome = peer.next(Welcome.class);
            assertThat(json).contains("\"session\":" + welcome.session() + "}");
            assertThat(welcome.details()).containsEntry("authid", "bob").containsEntry("authrole", "user")
                    .containsEntry("authmethod", "wampcra").containsEntry("authprovider", "static");
        }
    }

    @Test
    void aSaltedSecretSendsThePbkdf2ParametersAndSignsWithTheDerivedKey() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("wampcra"), "salty", null);

            Challenge challenge = peer.next(Challenge.class);
            assertThat(challenge.extra()).containsEntry("salt", "pepper").containsEntry("iterations", 1000L)
                    .containsEntry("keylen", 32L);
            String json = (String) challenge.extra().get("challenge");
            peer.send(new Authenticate(craSignature(derivedKey("salty-secret", "pepper", 1000, 32), json), Map.of()));

            assertThat(peer.next(Welcome.class).details()).containsEntry("authid", "salty")
                    .containsEntry("authrole", "admin");
        }
    }

    @Test
    void aStoredDerivedKeyWorksWithoutThePassword() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("wampcra"), "stored", null);

            Challenge challenge = peer.next(Challenge.class);
            assertThat(challenge.extra()).containsEntry("salt", "salt123").containsEntry("iterations", 100L)
                    .containsEntry("keylen", 16L);
            String json = (String) challenge.extra().get("challenge");
            peer.send(new Authenticate(craSignature(derivedKey("secret123", "salt123", 100, 16), json), Map.of()));

            assertThat(peer.next(Welcome.class).details()).containsEntry("authid", "stored");
        }
    }

    @Test
    void keysAreDerivedAsAutobahnDerivesThem() {
        // autobahn-python: derive_key("secret123", "salt123", 100, 16) and derive_key("bob-secret", "pepper", 1000, 32)
        assertThat(new CraSalt("salt123", 100, 16).deriveKey("secret123")).isEqualTo("DpHHRlQ6UNULJlP9J8WkPw==");
        assertThat(new CraSalt("pepper", 1000, 32).deriveKey("bob-secret"))
                .isEqualTo("/6tqpGKGwR1b8n+/MIUQY9UL8Hl8yMZBA/dZIq+GR/E=");
        // more than one PBKDF2 block
        assertThat(new CraSalt("pepper", 2, 40).deriveKey("bob-secret")).hasSize(56);
    }

    @Test
    void aWrongSecretANonBase64SignatureAndAnUnknownAuthidAreAbortedAlike() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer wrong = secure.hello(List.of("wampcra"), "bob", null);
            String json = (String) wrong.next(Challenge.class).extra().get("challenge");
            wrong.send(new Authenticate(craSignature("not-bobs".getBytes(StandardCharsets.UTF_8), json), Map.of()));

            TestPeer garbled = secure.hello(List.of("wampcra"), "bob", null);
            garbled.next(Challenge.class);
            garbled.send(new Authenticate("%%% not base64 %%%", Map.of()));

            // an unknown authid gets a challenge of the same shape, salted like the realm's salted principals
            TestPeer unknown = secure.hello(List.of("wampcra"), "mallory", null);
            Challenge decoy = unknown.next(Challenge.class);
            assertThat(decoy.extra()).containsOnlyKeys("challenge", "salt", "iterations", "keylen");
            assertThat((String) decoy.extra().get("challenge")).contains("\"authid\":\"mallory\"");
            unknown.send(new Authenticate(craSignature(new byte[] {1}, (String) decoy.extra().get("challenge")),
                    Map.of()));

            Abort abort = wrong.next(Abort.class);
            assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
            assertThat(garbled.next(Abort.class)).isEqualTo(abort);
            assertThat(unknown.next(Abort.class)).isEqualTo(abort);
            assertThat(secure.failures).hasSize(3).allMatch("secure wampcra wamp.error.authentication_failed"::equals);
        }
    }

    @Test
    void anUnknownAuthidSeesTheSameSaltEachTime() {
        try (AuthTesting secure = router()) {
            Object first = secure.hello(List.of("wampcra"), "mallory", null).next(Challenge.class).extra().get("salt");
            Object second = secure.hello(List.of("wampcra"), "mallory", null).next(Challenge.class).extra().get("salt");
            Object other = secure.hello(List.of("wampcra"), "eve", null).next(Challenge.class).extra().get("salt");

            assertThat(first).isEqualTo(second).isNotEqualTo(other);
        }
    }

    @Test
    void aSignatureIsGoodForOneChallengeOnly() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer first = secure.hello(List.of("wampcra"), "bob", null);
            String json = (String) first.next(Challenge.class).extra().get("challenge");
            String signature = craSignature("bob-secret".getBytes(StandardCharsets.UTF_8), json);
            first.send(new Authenticate(signature, Map.of()));
            first.next(Welcome.class);

            // a listener replays the signature on a connection of its own: a new nonce and session, a new challenge
            TestPeer replay = secure.hello(List.of("wampcra"), "bob", null);
            assertThat(replay.next(Challenge.class).extra().get("challenge")).isNotEqualTo(json);
            replay.send(new Authenticate(signature, Map.of()));

            assertThat(replay.next(Abort.class).reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void aHelloWithoutAuthidIsRefused() {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("wampcra"), null, null);

            Abort abort = peer.next(Abort.class);
            assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
            assertThat(abort.details().get("message").toString()).contains("authid");
        }
    }

    @Test
    void authidsThatNeedEscapingMakeValidJson() {
        assertThat(WampCraAuthenticator.jsonString("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
        assertThat(CraPrincipal.plain("user", "bob-secret").toString()).doesNotContain("bob-secret");
    }
}
