package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.TestPeer;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client side of WAMP-SCRAM, written from the spec's formulas (and, for {@code scram}, from what autobahn-python
 * sends) without the router's classes: PBKDF2 is computed here with HMAC by hand, Argon2id with BouncyCastle directly.
 */
final class ScramTestClient {

    final String method;
    final String authid;
    final String password;
    final String clientNonce;
    private String authMessage = "";
    private byte[] saltedPassword = new byte[0];

    ScramTestClient(String method, String authid, String password) {
        this.method = method;
        this.authid = authid;
        this.password = password;
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        this.clientNonce = Base64.getEncoder().encodeToString(nonce);
    }

    /** HELLO.Details offering this client's method, with its authid and nonce. */
    Map<String, Object> helloDetails() {
        Map<String, Object> authextra = new HashMap<>();
        authextra.put("nonce", clientNonce);
        if (method.equals("wamp-scram")) {
            authextra.put("channel_binding", null);
        }
        return Map.of("roles", TestPeer.ROLES, "authmethods", List.of(method), "authid", authid,
                "authextra", authextra);
    }

    /** Computes the ClientProof for the CHALLENGE and the AUTHENTICATE that carries it. */
    Authenticate answer(Challenge challenge) {
        Map<String, Object> extra = challenge.extra();
        String nonce = (String) extra.get("nonce");
        String salt = (String) extra.get("salt");
        long iterations = ((Number) extra.get("iterations")).longValue();
        assertThat(nonce).startsWith(clientNonce).hasSizeGreaterThan(clientNonce.length());
        saltedPassword = saltedPassword((String) extra.get("kdf"), Base64.getDecoder().decode(salt),
                (int) iterations, extra.get("memory") instanceof Number memory ? memory.intValue() : 0);
        if (method.equals("wamp-scram")) {
            // ClientFirstBare, ServerFirst, ClientFinalNoProof with CBindInput "n,,"
            authMessage = "n=" + authid.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce
                    + ",r=" + nonce + ",s=" + salt + ",i=" + iterations
                    + ",c=" + Base64.getEncoder().encodeToString("n,,".getBytes(StandardCharsets.US_ASCII))
                    + ",r=" + nonce;
        }
        else {
            authMessage = "n=" + authid + ",r=" + clientNonce + ",r=" + nonce + ",s=" + salt + ",i=" + iterations
                    + ",c=,r=" + nonce;
        }
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = sha256(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        Map<String, Object> authenticateExtra = new HashMap<>();
        if (method.equals("wamp-scram")) {
            authenticateExtra.put("nonce", nonce);
            authenticateExtra.put("channel_binding", null);
            authenticateExtra.put("cbind_data", null);
        }
        return new Authenticate(Base64.getEncoder().encodeToString(proof), authenticateExtra);
    }

    /** The base64 ServerSignature WELCOME should carry: HMAC(HMAC(SaltedPassword, "Server Key"), AuthMessage). */
    String expectedServerSignature() {
        return Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
    }

    private byte[] saltedPassword(String kdf, byte[] salt, int iterations, int memory) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        return switch (kdf) {
            case "pbkdf2" -> pbkdf2(secret, salt, iterations);
            case "argon2id13" -> argon2id(secret, salt, iterations, memory);
            // autobahn-python keys with the unpadded base64 text of the hash
            case "argon2id-13" -> Base64.getEncoder().withoutPadding().encodeToString(
                    argon2id(secret, salt, iterations, memory)).getBytes(StandardCharsets.US_ASCII);
            default -> throw new AssertionError("unexpected kdf " + kdf);
        };
    }

    /** RFC 2898 PBKDF2 with HMAC-SHA-256, one 32-byte block. */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
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

    static byte[] argon2id(byte[] password, byte[] salt, int iterations, int memory) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withIterations(iterations)
                .withMemoryAsKB(memory).withParallelism(1).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password, hash);
        return hash;
    }

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (java.security.GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }
}
