package io.wampspring.router.auth;

import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.wampspring.router.TestPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wampspring.router.auth.AuthTesting.cryptosignSignature;
import static io.wampspring.router.auth.AuthTesting.publicKeyHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** WAMP-Cryptosign: the spec's test vectors, the exchange with and without authid, and every way to get it wrong. */
class CryptosignAuthenticationTest {

    private static KeyPair carol;
    private static KeyPair carolsLaptop;
    private static KeyPair stranger;
    private static KeyPair dansKey;

    @BeforeAll
    static void keys() throws Exception {
        carol = AuthTesting.ed25519();
        carolsLaptop = AuthTesting.ed25519();
        stranger = AuthTesting.ed25519();
        dansKey = AuthTesting.ed25519();
    }

    private static AuthTesting router() {
        return new AuthTesting(new CryptosignAuthenticator(List.of(
                new CryptosignPrincipal("carol", "admin", List.of(publicKeyHex(carol),
                        publicKeyHex(carolsLaptop).toUpperCase())),
                new CryptosignPrincipal("dan", "user", List.of(publicKeyHex(dansKey)))),
                "static"));
    }

    private static Map<String, Object> pubkey(KeyPair pair) {
        return Map.of("pubkey", publicKeyHex(pair));
    }

    @Test
    void theSpecsTestVectorsVerify() throws Exception {
        // rfc/text/advanced/authentication_cryptosign.md, test_vectors_1 without channel binding: private key (the
        // seed), challenge, and the signature as the client sends it (64 bytes, then the challenge)
        String[][] vectors = {
            {"4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510",
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "b32675b221f08593213737bef8240e7c15228b07028e19595294678c90d11c0cae80a357331bfc5cc9fb71081464e6e7"
                        + "5013517c2cf067ad566a6b7b728e5d03"},
            {"d511fe78e23934b3dadb52fcd022974b80bd92bccc7c5cf404e46cc0a8a2f5cd",
                "b26c1f87c13fc1da14997f1b5a71995dff8fbe0a62fae8473c7bdbd05bfb607d",
                "d4209ad10d5aff6bfbc009d7e924795de138a63515efc7afc6b01b7fe5201372190374886a70207b042294af5bd64ce7"
                        + "25cd8dceb344e6d11c09d1aaaf4d660f"},
        };
        HexFormat hex = HexFormat.of();
        for (String[] vector : vectors) {
            byte[] challenge = hex.parseHex(vector[1]);
            byte[] signature = hex.parseHex(vector[2]);
            var key = Ed25519Verifier.publicKey(hex.parseHex(publicKeyHex(AuthTesting.ed25519(vector[0]))));

            assertThat(Ed25519Verifier.verify(key, challenge, signature)).isTrue();
            challenge[0] ^= 1;
            assertThat(Ed25519Verifier.verify(key, challenge, signature)).isFalse();
        }
    }

    @Test
    void theKeyAloneIdentifiesThePrincipal() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("cryptosign"), null, pubkey(carol));

            Challenge challenge = peer.next(Challenge.class);
            assertThat(challenge.authMethod()).isEqualTo("cryptosign");
            String challengeHex = (String) challenge.extra().get("challenge");
            assertThat(challengeHex).matches("[0-9a-f]{64}");
            peer.send(new Authenticate(cryptosignSignature(carol, challengeHex), Map.of()));

            assertThat(peer.next(Welcome.class).details()).containsEntry("authid", "carol")
                    .containsEntry("authrole", "admin").containsEntry("authmethod", "cryptosign")
                    .containsEntry("authprovider", "static");
        }
    }

    @Test
    void aPrincipalMayHaveSeveralKeysAndTheSignatureAloneIsEnough() throws Exception {
        try (AuthTesting secure = router()) {
            TestPeer peer = secure.hello(List.of("cryptosign"), "carol",
                    Map.of("pubkey", publicKeyHex(carolsLaptop).toUpperCase(), "channel_binding", List.of()));
            peer.next(Abort.class); // a channel binding of the wrong type is still a channel binding: refused

            TestPeer laptop = secure.hello(List.of("cryptosign"), "carol", pubkey(carolsLaptop));
            String challengeHex = (String) laptop.next(Challenge.class).extra().get("challenge");
            // 64 bytes: the signature without the challenge appended
            laptop.send(new Authenticate(cryptosignSignature(carolsLaptop, challengeHex).substring(0, 128), Map.of()));

            assertThat(laptop.next(Welcome.class).details()).containsEntry("authid", "carol");
        }
    }

    @Test
    void wrongKeysWrongAuthidsAndGarbledSignaturesAreAbortedAlike() throws Exception {
        try (AuthTesting secure = router()) {
            // carol's public key, a stranger's signature
            TestPeer impostor = secure.hello(List.of("cryptosign"), null, pubkey(carol));
            String impostorChallenge = (String) impostor.next(Challenge.class).extra().get("challenge");
            impostor.send(new Authenticate(cryptosignSignature(stranger, impostorChallenge), Map.of()));

            // a key nobody configured is challenged like any other
            TestPeer unknown = secure.hello(List.of("cryptosign"), null, pubkey(stranger));
            String unknownChallenge = (String) unknown.next(Challenge.class).extra().get("challenge");
            unknown.send(new Authenticate(cryptosignSignature(stranger, unknownChallenge), Map.of()));

            // carol's key and signature, but claiming to be dan
            TestPeer claimsDan = secure.hello(List.of("cryptosign"), "dan", pubkey(carol));
            String danChallenge = (String) claimsDan.next(Challenge.class).extra().get("challenge");
            claimsDan.send(new Authenticate(cryptosignSignature(carol, danChallenge), Map.of()));

            // a good signature followed by another challenge than the one signed
            TestPeer otherChallenge = secure.hello(List.of("cryptosign"), null, pubkey(carol));
            String sent = (String) otherChallenge.next(Challenge.class).extra().get("challenge");
            otherChallenge.send(new Authenticate(cryptosignSignature(carol, sent).substring(0, 128) + "00".repeat(32),
                    Map.of()));

            TestPeer notHex = secure.hello(List.of("cryptosign"), null, pubkey(carol));
            notHex.next(Challenge.class);
            notHex.send(new Authenticate("zz".repeat(96), Map.of()));

            TestPeer tooShort = secure.hello(List.of("cryptosign"), null, pubkey(carol));
            tooShort.next(Challenge.class);
            tooShort.send(new Authenticate("00".repeat(63), Map.of()));

            Abort abort = impostor.next(Abort.class);
            assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
            for (TestPeer peer : List.of(unknown, claimsDan, otherChallenge, notHex, tooShort)) {
                assertThat(peer.next(Abort.class)).isEqualTo(abort);
            }
            assertThat(secure.failures).hasSize(6)
                    .allMatch("secure cryptosign wamp.error.authentication_failed"::equals);
            assertThat(secure.router.realm("secure").sessions()).isEmpty();
        }
    }

    @Test
    void aHelloWithoutAUsablePublicKeyIsRefusedAtOnce() {
        try (AuthTesting secure = router()) {
            for (Map<String, Object> authextra : List.<Map<String, Object>>of(Map.of(), Map.of("pubkey", "abcd"),
                    Map.of("pubkey", 42L), Map.of("pubkey", "g".repeat(64)))) {
                TestPeer peer = secure.hello(List.of("cryptosign"), null, authextra);

                Abort abort = peer.next(Abort.class);
                assertThat(abort.reason()).isEqualTo(WampUris.AUTHENTICATION_FAILED);
                assertThat(abort.details().get("message").toString()).contains("authextra.pubkey");
            }
        }
    }

    @Test
    void configuredKeysAreChecked() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CryptosignPrincipal("carol", "admin", List.of("abc")))
                .withMessageContaining("64 hex digits");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CryptosignPrincipal("carol", "admin", List.of()))
                .withMessageContaining("no cryptosign public key");
        String shared = publicKeyHex(carol);
        assertThatIllegalArgumentException().isThrownBy(() -> new CryptosignAuthenticator(List.of(
                new CryptosignPrincipal("carol", "admin", List.of(shared)),
                new CryptosignPrincipal("dan", "user", List.of(shared))), "static"))
                .withMessageContaining("belongs to two principals");
    }
}
