package io.wampspring.spring.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.message.Challenge;

/** What a client answers to a CHALLENGE, computed as autobahn does, with the JDK's own primitives. */
final class ClientSignatures {

    private ClientSignatures() {
    }

    /** WAMP-CRA: base64 HMAC-SHA256 over the challenge, keyed with the secret or, when salted, the derived key. */
    static String wampcra(String secret, Challenge challenge) {
        try {
            Map<String, Object> extra = challenge.extra();
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (extra.containsKey("salt")) {
                byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                        secret.toCharArray(), ((String) extra.get("salt")).getBytes(StandardCharsets.UTF_8),
                        ((Number) extra.get("iterations")).intValue(), ((Number) extra.get("keylen")).intValue() * 8))
                        .getEncoded();
                key = Base64.getEncoder().encodeToString(derived).getBytes(StandardCharsets.US_ASCII);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(((String) extra.get("challenge")).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The Ed25519 key pair of a 32-byte seed (hex), as autobahn takes private keys. */
    static KeyPair ed25519(String seedHex) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String publicKeyHex(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return HexFormat.of().formatHex(encoded, encoded.length - 32, encoded.length);
    }

    /** Cryptosign: hex of the signature over the challenge's bytes, followed by the challenge. */
    static String cryptosign(KeyPair pair, Challenge challenge) {
        String challengeHex = (String) challenge.extra().get("challenge");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(HexFormat.of().parseHex(challengeHex));
            return HexFormat.of().formatHex(signer.sign()) + challengeHex;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
