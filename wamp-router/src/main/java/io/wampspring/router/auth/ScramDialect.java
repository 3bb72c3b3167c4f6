package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two forms of WAMP-SCRAM clients speak, told apart by the method name they offer. They differ in the
 * {@code AuthMessage} both sides sign, in where WELCOME puts the server's signature, and in whether AUTHENTICATE
 * repeats the nonce; the keys and the proof are computed alike.
 */
public enum ScramDialect {

    /**
     * {@code wamp-scram}, as the WAMP spec defines it: {@code n=Escape(authid)}, {@code c=Base64("n,,")}, the nonce
     * repeated in AUTHENTICATE.Extra, the server signature in WELCOME.Details.authextra.verifier.
     */
    WAMP_SCRAM("wamp-scram", "verifier", List.of(ScramKdf.ARGON2ID13, ScramKdf.PBKDF2, ScramKdf.ARGON2ID_13)) {
        @Override
        String clientFirstBare(String authid, String clientNonce) {
            return "n=" + authid.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
        }

        @Override
        String channelBinding() {
            return "c=" + ScramCrypto.base64("n,,".getBytes(StandardCharsets.US_ASCII));
        }
    },

    /**
     * {@code scram}, the draft autobahn-python and Crossbar.io implement: {@code n=SASLprep(authid)}, an empty
     * {@code c=}, no nonce needed in AUTHENTICATE, the server signature in
     * WELCOME.Details.authextra.scram_server_signature, and Argon2id named {@code argon2id-13}.
     */
    SCRAM("scram", "scram_server_signature", List.of(ScramKdf.ARGON2ID_13, ScramKdf.PBKDF2, ScramKdf.ARGON2ID13)) {
        @Override
        String clientFirstBare(String authid, String clientNonce) {
            return "n=" + Saslprep.prepare(authid) + ",r=" + clientNonce;
        }

        @Override
        String channelBinding() {
            return "c=";
        }
    };

    private final String authMethod;
    private final String verifierKey;
    private final List<ScramKdf> kdfPreference;

    ScramDialect(String authMethod, String verifierKey, List<ScramKdf> kdfPreference) {
        this.authMethod = authMethod;
        this.verifierKey = verifierKey;
        this.kdfPreference = kdfPreference;
    }

    /** The method name in HELLO.Details.authmethods, CHALLENGE and WELCOME. */
    public String authMethod() {
        return authMethod;
    }

    /** The key of WELCOME.Details.authextra that carries the base64 {@code ServerSignature}. */
    public String verifierKey() {
        return verifierKey;
    }

    /** Whether AUTHENTICATE.Extra must repeat the nonce (when present it must match in either dialect). */
    boolean requiresNonceInAuthenticate() {
        return this == WAMP_SCRAM;
    }

    /** Key derivation functions in the order a client of this dialect is likeliest to handle them. */
    List<ScramKdf> kdfPreference() {
        return kdfPreference;
    }

    /** {@code ClientFirstBare + "," + ServerFirst + "," + ClientFinalNoProof}, as both sides compute it. */
    String authMessage(String authid, String clientNonce, String nonce, ScramCredential credential) {
        return clientFirstBare(authid, clientNonce)
                + ",r=" + nonce + ",s=" + credential.saltBase64() + ",i=" + credential.parameters().iterations()
                + "," + channelBinding() + ",r=" + nonce;
    }

    abstract String clientFirstBare(String authid, String clientNonce);

    /** The {@code c=} attribute of ClientFinalNoProof without channel binding. */
    abstract String channelBinding();
}
