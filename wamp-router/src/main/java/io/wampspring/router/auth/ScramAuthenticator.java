package io.wampspring.router.auth;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.WampUris;
import io.wampspring.router.message.Authenticate;
import org.jspecify.annotations.Nullable;

/**
 * WAMP-SCRAM (the spec's "Salted Challenge Response Authentication"): HELLO brings the authid and a client nonce,
 * CHALLENGE the combined nonce, the user's salt and key derivation parameters, AUTHENTICATE the base64
 * {@code ClientProof}, which is checked against the stored {@code StoredKey}; WELCOME carries the base64
 * {@code ServerSignature} so that the client can check the router in turn. One instance answers to one method name
 * ({@link ScramDialect}); {@link #underOtherName()} gives its twin for the other.
 *
 * <p>Everything that goes wrong ends in {@code wamp.error.authentication_failed}: a HELLO without authid or with a
 * missing or non-base64 nonce, a channel binding (not supported: the router does not see the TLS channel), an
 * AUTHENTICATE whose proof is not base64 of 32 bytes, whose nonce or channel binding differs from the exchange's, and
 * a wrong proof. An unknown authid is challenged like a known one (see {@link ScramDecoy}) and fails only at
 * AUTHENTICATE, with the same message as a wrong password.
 */
public final class ScramAuthenticator implements Authenticator {

    /** The spec's method name. */
    public static final String METHOD = "wamp-scram";

    /** The method name autobahn-python and Crossbar.io use. */
    public static final String ALIAS = "scram";

    /** Longest client nonce accepted, in characters (the spec recommends 16 bytes: 24 characters). */
    static final int MAX_NONCE_LENGTH = 256;

    private static final int SERVER_NONCE_BYTES = 16;
    private static final String WRONG_CREDENTIALS =
            "WAMP-SCRAM authentication failed: wrong password or unknown authid";

    private final ScramDialect dialect;
    private final ScramCredentialLookup credentials;
    private final ScramDecoy decoy;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param dialect the method name this instance answers to, and its form of the exchange
     * @param credentials where users' credentials are found
     * @param decoyParameters the parameters unknown authids are challenged with: those most users have
     */
    public ScramAuthenticator(ScramDialect dialect, ScramCredentialLookup credentials,
            ScramParameters decoyParameters) {
        this(dialect, credentials, new ScramDecoy(decoyParameters));
    }

    private ScramAuthenticator(ScramDialect dialect, ScramCredentialLookup credentials, ScramDecoy decoy) {
        this.dialect = dialect;
        this.credentials = credentials;
        this.decoy = decoy;
    }

    /** The same users under the other method name; unknown authids get the same salts from both. */
    public ScramAuthenticator underOtherName() {
        ScramDialect other = dialect == ScramDialect.WAMP_SCRAM ? ScramDialect.SCRAM : ScramDialect.WAMP_SCRAM;
        return new ScramAuthenticator(other, credentials, decoy);
    }

    @Override
    public String authMethod() {
        return dialect.authMethod();
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        String authid = request.authid();
        if (authid == null || authid.isEmpty()) {
            return rejected("WAMP-SCRAM needs an authid in HELLO.Details");
        }
        Object authextra = request.helloDetails().get("authextra");
        if (authextra == null) {
            authextra = Map.of();
        }
        if (!(authextra instanceof Map<?, ?> extra)) {
            return rejected("HELLO.Details.authextra must be a dictionary");
        }
        Object clientNonce = extra.get("nonce");
        if (ScramCrypto.canonicalBase64(clientNonce) == null || ((String) clientNonce).length() > MAX_NONCE_LENGTH) {
            return rejected("WAMP-SCRAM needs HELLO.Details.authextra.nonce: base64 of random bytes");
        }
        Object channelBinding = extra.get("channel_binding");
        if (channelBinding != null) {
            return rejected("channel binding '" + channelBinding + "' is not supported: send channel_binding null");
        }
        if (dialect == ScramDialect.SCRAM) {
            try {
                Saslprep.prepare(authid);
            }
            catch (IllegalArgumentException ex) {
                return rejected("the authid " + ex.getMessage());
            }
        }
        return credentials.find(request.realm(), authid)
                .thenApply(found -> challenge(request, authid, (String) clientNonce, found));
    }

    private AuthDecision challenge(AuthRequest request, String authid, String clientNonce,
            Optional<ScramPrincipal> principal) {
        ScramCredential credential = principal.map(known -> known.credentialFor(dialect))
                .orElseGet(() -> decoy.credentialFor(authid, dialect));
        byte[] serverPart = new byte[SERVER_NONCE_BYTES];
        random.nextBytes(serverPart);
        // the spec's example appends the server's base64 to the client's: the combined nonce starts with the client's
        String nonce = clientNonce + ScramCrypto.base64(serverPart);
        ScramParameters parameters = credential.parameters();
        Map<String, Object> challenge = new LinkedHashMap<>();
        challenge.put("nonce", nonce);
        challenge.put("salt", credential.saltBase64());
        challenge.put("kdf", parameters.kdf().wireName());
        challenge.put("iterations", (long) parameters.iterations());
        if (parameters.kdf().usesMemory()) {
            challenge.put("memory", (long) parameters.memory());
        }
        String authMessage = dialect.authMessage(authid, clientNonce, nonce, credential);
        return new AuthDecision.Challenge(challenge, authenticate -> CompletableFuture.completedFuture(
                verify(authenticate, authid, nonce, authMessage, credential, principal.orElse(null))));
    }

    private AuthDecision verify(Authenticate authenticate, String authid, String nonce, String authMessage,
            ScramCredential credential, @Nullable ScramPrincipal principal) {
        byte[] proof = ScramCrypto.canonicalBase64(authenticate.signature());
        if (proof == null || proof.length != ScramCrypto.KEY_LENGTH) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED,
                    "AUTHENTICATE.Signature must be the base64 ClientProof (32 bytes)");
        }
        Map<String, Object> extra = authenticate.extra();
        Object echoed = extra.get("nonce");
        if (echoed == null ? dialect.requiresNonceInAuthenticate()
                : !(echoed instanceof String text && ScramCrypto.constantTimeEquals(text, nonce))) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED,
                    "AUTHENTICATE.Extra.nonce must be the nonce of the CHALLENGE");
        }
        if (extra.get("channel_binding") != null || extra.get("cbind_data") != null) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED,
                    "AUTHENTICATE.Extra has a channel binding that HELLO did not ask for");
        }
        byte[] storedKey = credential.storedKey();
        byte[] clientSignature = ScramCrypto.hmac(storedKey, authMessage);
        byte[] recoveredStoredKey = ScramCrypto.sha256(ScramCrypto.xor(clientSignature, proof));
        boolean valid = ScramCrypto.constantTimeEquals(recoveredStoredKey, storedKey);
        if (!valid || principal == null) {
            return AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, WRONG_CREDENTIALS);
        }
        String serverSignature = ScramCrypto.base64(ScramCrypto.hmac(credential.serverKey(), authMessage));
        return AuthDecision.accept(new AuthIdentity(authid, principal.authrole(), dialect.authMethod(),
                principal.authprovider(), Map.of(dialect.verifierKey(), serverSignature)));
    }

    private static CompletionStage<AuthDecision> rejected(String message) {
        return CompletableFuture.completedFuture(AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, message));
    }
}
