package io.wampspring.router.auth;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Challenges for authids nobody has (the spec's "mock CHALLENGE"): an unknown authid gets the same kind of CHALLENGE
 * as a known one, with a salt that stays the same for that authid for as long as the router runs, so that neither
 * the answer nor a second try tells an attacker that the user does not exist. Its keys match no proof.
 */
final class ScramDecoy {

    private final byte[] secret = new byte[32];
    private final ScramParameters parameters;

    ScramDecoy(ScramParameters parameters) {
        this.parameters = parameters;
        new SecureRandom().nextBytes(secret);
    }

    ScramCredential credentialFor(String authid, ScramDialect dialect) {
        ScramParameters shown = parameters;
        if (parameters.kdf().usesMemory()) {
            // an Argon2id under the name this dialect's clients know, as a configured password would offer
            shown = parameters.as(dialect.kdfPreference().get(0));
        }
        byte[] salt = Arrays.copyOf(ScramCrypto.hmac(secret, "salt:" + authid), ScramCredential.SALT_LENGTH);
        return new ScramCredential(shown, salt, ScramCrypto.hmac(secret, "stored-key:" + authid),
                ScramCrypto.hmac(secret, "server-key:" + authid));
    }
}
