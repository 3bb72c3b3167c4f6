package io.wampspring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.message.Authenticate;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * What a client computes for WAMP-CRA and WAMP-SCRAM, written from the spec's formulas with the JDK and
 * BouncyCastle directly (not the router's classes), for the benchmarks' set-up.
 */
final class ClientMath {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientMath() {
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Autobahn's {@code compute_wcs}: base64 of HMAC-SHA256 over the challenge string. */
    static String craSignature(byte[] key, String challenge) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(hmac(key, challenge.getBytes(StandardCharsets.UTF_8)));
    }

    /** Autobahn's {@code derive_key}: the salted WAMP-CRA client's HMAC key (the base64 text, as bytes). */
    static byte[] craDerivedKey(String password, String salt, int iterations, int keylen)
            throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                        iterations, keylen * 8))
                .getEncoded();
        return Base64.getEncoder().encodeToString(key).getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code wamp-scram} AUTHENTICATE for a CHALLENGE's extra: ClientProof, the nonce repeated, no binding. */
    static Authenticate scramAuthenticate(String authid, String password, String clientNonce,
            Map<String, Object> extra) throws GeneralSecurityException {
        String nonce = (String) extra.get("nonce");
        String salt = (String) extra.get("salt");
        int iterations = ((Number) extra.get("iterations")).intValue();
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] saltBytes = Base64.getDecoder().decode(salt);
        byte[] saltedPassword = switch ((String) extra.get("kdf")) {
            case "argon2id13" -> argon2id(secret, saltBytes, iterations, ((Number) extra.get("memory")).intValue());
            case "pbkdf2" -> pbkdf2(secret, saltBytes, iterations);
            default -> throw new IllegalStateException("unexpected kdf " + extra.get("kdf"));
        };
        String authMessage = "n=" + authid.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce
                + ",r=" + nonce + ",s=" + salt + ",i=" + iterations
                + ",c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        Map<String, Object> authenticateExtra = new HashMap<>();
        authenticateExtra.put("nonce", nonce);
        authenticateExtra.put("channel_binding", null);
        authenticateExtra.put("cbind_data", null);
        return new Authenticate(Base64.getEncoder().encodeToString(proof), authenticateExtra);
    }

    static byte[] argon2id(byte[] password, byte[] salt, int iterations, int memoryKib) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withIterations(iterations)
                .withMemoryAsKB(memoryKib).withParallelism(1).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password, hash);
        return hash;
    }

    /** PBKDF2-HMAC-SHA-256, 32 bytes, with the JDK's implementation (the password is UTF-8 text). */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(chars, salt, iterations, 256)).getEncoded();
    }

    private static byte[] hmac(byte[] key, byte[] message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
