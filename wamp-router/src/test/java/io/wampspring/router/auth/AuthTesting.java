package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterExecutors;
import io.wampspring.router.RouterObserver;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Hello;
import org.jspecify.annotations.Nullable;

/**
 * A router with one realm, "secure", offering the given authenticators, and what a client computes for each method,
 * done here independently of the router's own code (the JDK's PBKDF2 and Ed25519 signing).
 */
final class AuthTesting implements AutoCloseable {

    final WampRouter router;
    final List<String> failures = new CopyOnWriteArrayList<>();

    AuthTesting(Authenticator... authenticators) {
        RouterObserver observer = new RouterObserver() {
            @Override
            public void authenticationFailed(String realm, @Nullable String authMethod, String error) {
                failures.add(realm + " " + authMethod + " " + error);
            }
        };
        router = new WampRouter(RouterConfig.defaults(),
                List.of(new RealmConfig("secure", List.of(authenticators), Authorizer.PERMIT_ALL)),
                RouterExecutors.owned(), observer);
    }

    /** A new connection that has sent HELLO for "secure" with these methods, authid and authextra. */
    TestPeer hello(List<String> methods, @Nullable String authid, @Nullable Map<String, Object> authextra) {
        TestPeer peer = new TestPeer(router);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", TestPeer.ROLES);
        details.put("authmethods", methods);
        if (authid != null) {
            details.put("authid", authid);
        }
        if (authextra != null) {
            details.put("authextra", authextra);
        }
        peer.send(new Hello("secure", details));
        return peer;
    }

    @Override
    public void close() {
        router.shutdown(Duration.ZERO);
    }

    /** What autobahn's {@code compute_wcs} returns: base64 of HMAC-SHA256 over the challenge. */
    static String craSignature(byte[] key, String challenge) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
    }

    /** What autobahn's {@code derive_key} returns, computed with the JDK's PBKDF2: the salted client's HMAC key. */
    static byte[] derivedKey(String password, String salt, int iterations, int keylen)
            throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                        iterations, keylen * 8))
                .getEncoded();
        return Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII);
    }

    static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The key pair of a private key given as its 32-byte seed in hex, as autobahn and the spec give them. */
    static KeyPair ed25519(String seedHex) throws GeneralSecurityException {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        // the JDK's generator takes the private key's 32 bytes from the random source it is given
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair();
    }

    /** The raw 32-byte public key in hex: the last 32 bytes of its X.509 encoding. */
    static String publicKeyHex(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HexFormat.of().formatHex(encoded, encoded.length - 32, encoded.length);
    }

    /** What autobahn sends: hex of the signature over the challenge bytes, then the challenge. */
    static String cryptosignSignature(KeyPair pair, String challengeHex) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(HexFormat.of().parseHex(challengeHex));
        return HexFormat.of().formatHex(signer.sign()) + challengeHex;
    }
}
