package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wampspring.router.message.Authenticate;
import org.jspecify.annotations.Nullable;

/**
 * WAMP challenge-response authentication ({@code wampcra}). The CHALLENGE's extra carries {@code challenge}, a JSON
 * object as a string (authid, authrole, authmethod, authprovider, nonce, timestamp, session), plus {@code salt},
 * {@code iterations} and {@code keylen} for a salted secret; the AUTHENTICATE's signature is
 * {@code base64(HMAC-SHA256(key, challenge))}. An unknown authid is challenged like a known one (with a decoy role and
 * salt) and fails only at AUTHENTICATE, so the handshake does not tell which authids exist.
 */
public final class WampCraAuthenticator implements Authenticator {

    public static final String METHOD = "wampcra";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, CraPrincipal> principals;
    private final String authprovider;
    private final Clock clock;
    /** Role and salt parameters shown to authids nobody configured. */
    private final String decoyRole;
    private final @Nullable CraSalt decoySalt;
    /** Keys the decoy salts, so one unknown authid always sees the same salt, as a real one would. */
    private final byte[] decoyKey = Credentials.randomBytes(32);

    /**
     * @param principals by authid
     * @param authprovider announced in the challenge and in WELCOME, e.g. {@code static}
     */
    public WampCraAuthenticator(Map<String, CraPrincipal> principals, String authprovider) {
        this(principals, authprovider, Clock.systemUTC());
    }

    WampCraAuthenticator(Map<String, CraPrincipal> principals, String authprovider, Clock clock) {
        this.principals = Map.copyOf(principals);
        this.authprovider = authprovider;
        this.clock = clock;
        this.decoyRole = principals.values().stream().map(CraPrincipal::authrole).findFirst().orElse("user");
        this.decoySalt = principals.values().stream().map(CraPrincipal::salt).filter(salt -> salt != null)
                .findFirst().orElse(null);
    }

    @Override
    public String authMethod() {
        return METHOD;
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        String authid = request.authid();
        if (authid == null) {
            return Credentials.failed("wampcra needs an authid in HELLO.Details");
        }
        CraPrincipal principal = principals.get(authid);
        String authrole = principal != null ? principal.authrole() : decoyRole;
        CraSalt salt = principal != null ? principal.salt() : decoy(authid);
        String challenge = challenge(authid, authrole, request.sessionId());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("challenge", challenge);
        if (salt != null) {
            extra.put("salt", salt.salt());
            extra.put("iterations", (long) salt.iterations());
            extra.put("keylen", (long) salt.keylen());
        }
        return CompletableFuture.completedFuture(new AuthDecision.Challenge(extra,
                authenticate -> verify(authenticate, principal, authid, challenge)));
    }

    private CompletionStage<AuthDecision> verify(Authenticate authenticate, @Nullable CraPrincipal principal,
            String authid, String challenge) {
        if (principal == null) {
            return Credentials.failed();
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(authenticate.signature().trim());
        }
        catch (IllegalArgumentException ex) {
            return Credentials.failed();
        }
        if (!Credentials.constantTimeEquals(signature, hmac(principal.key(), challenge))) {
            return Credentials.failed();
        }
        return Credentials.accepted(new AuthIdentity(authid, principal.authrole(), METHOD, authprovider));
    }

    /** The challenge string: a JSON object whose members the spec lists, with a fresh nonce. */
    private String challenge(String authid, String authrole, long session) {
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(Credentials.randomBytes(18));
        return "{\"authid\":" + jsonString(authid)
                + ",\"authrole\":" + jsonString(authrole)
                + ",\"authmethod\":\"" + METHOD + "\""
                + ",\"authprovider\":" + jsonString(authprovider)
                + ",\"nonce\":\"" + nonce + "\""
                + ",\"timestamp\":\"" + TIMESTAMP.format(clock.instant()) + "\""
                + ",\"session\":" + session + "}";
    }

    private @Nullable CraSalt decoy(String authid) {
        if (decoySalt == null) {
            return null;
        }
        byte[] salt = hmac(decoyKey, authid);
        return new CraSalt(Base64.getEncoder().withoutPadding().encodeToString(salt).substring(0, 16),
                decoySalt.iterations(), decoySalt.keylen());
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
        }
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
