package io.wampspring.spring.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The client side of the spec's WAMP-SCRAM ({@code wamp-scram}, PBKDF2 or {@code argon2id13}), from the spec's
 * formulas: the integration tests' stand-in for a SCRAM-capable client library.
 */
final class ScramClient {

    private final String authid;
    private final String password;
    private final String clientNonce;
    private String authMessage = "";
    private byte[] saltedPassword = new byte[0];

    ScramClient(String authid, String password) {
        this.authid = authid;
        this.password = password;
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        this.clientNonce = Base64.getEncoder().encodeToString(nonce);
    }

    Map<String, Object> helloDetails(String method) {
        Map<String, Object> details = new HashMap<>(TestWampSession.helloDetails());
        details.put("authmethods", List.of(method));
        details.put("authid", authid);
        details.put("authextra", Map.of("nonce", clientNonce));
        return details;
    }

    Authenticate answer(Challenge challenge) {
        Map<String, Object> extra = challenge.extra();
        String nonce = (String) extra.get("nonce");
        String salt = (String) extra.get("salt");
        int iterations = ((Number) extra.get("iterations")).intValue();
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] saltBytes = Base64.getDecoder().decode(salt);
        saltedPassword = switch ((String) extra.get("kdf")) {
            case "pbkdf2" -> pbkdf2(secret, saltBytes, iterations);
            case "argon2id13" -> argon2id(secret, saltBytes, iterations, ((Number) extra.get("memory")).intValue());
            default -> throw new AssertionError("unexpected kdf in " + extra);
        };
        authMessage = "n=" + authid + ",r=" + clientNonce + ",r=" + nonce + ",s=" + salt + ",i=" + iterations
                + ",c=biws,r=" + nonce;
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] clientSignature = hmac(sha256(clientKey), authMessage);
        byte[] proof = new byte[32];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        return new Authenticate(Base64.getEncoder().encodeToString(proof), Map.of("nonce", nonce));
    }

    /** The ServerSignature WELCOME.Details.authextra.verifier must carry. */
    String expectedVerifier() {
        return Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
        byte[] block = new byte[salt.length + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[block.length - 1] = 1;
        byte[] u = hmac(password, block);
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = hmac(password, u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private static byte[] argon2id(byte[] password, byte[] salt, int iterations, int memory) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withIterations(iterations)
                .withMemoryAsKB(memory).withParallelism(1).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password, hash);
        return hash;
    }

    private static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }
}
