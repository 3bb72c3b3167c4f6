package io.wampspring.router.auth;

import java.util.List;
import java.util.Locale;

/**
 * A principal that authenticates with WAMP-Cryptosign: its authid and role, and the Ed25519 public keys (32 bytes
 * each, hex) whose private keys may sign for it.
 */
public record CryptosignPrincipal(String authid, String authrole, List<String> publicKeys) {

    public CryptosignPrincipal {
        publicKeys = publicKeys.stream().map(key -> key.toLowerCase(Locale.ROOT)).toList();
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("principal '" + authid + "' has no cryptosign public key");
        }
        for (String key : publicKeys) {
            if (Credentials.hex32(key) == null) {
                throw new IllegalArgumentException("cryptosign public key '" + key + "' of principal '" + authid
                        + "' is not 32 bytes in hex (64 hex digits)");
            }
        }
    }
}
