package io.wampspring.router.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * A user WAMP-SCRAM can authenticate: the authrole its sessions get and its credentials, one per key derivation
 * function (a password configured in clear yields one for each name of Argon2id, so that clients of the spec and
 * autobahn-python clients both find theirs).
 *
 * @param authrole the authrole of the user's sessions
 * @param authprovider what WELCOME names as the provider ({@code static} for configured users)
 * @param credentials at least one, at most one per {@link ScramKdf}
 */
public record ScramPrincipal(String authrole, String authprovider, List<ScramCredential> credentials) {

    public ScramPrincipal {
        if (authrole == null || authrole.isBlank()) {
            throw new IllegalArgumentException("authrole must not be blank");
        }
        credentials = List.copyOf(credentials);
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("a SCRAM principal needs a credential");
        }
        if (credentials.stream().map(credential -> credential.parameters().kdf()).distinct().count()
                != credentials.size()) {
            throw new IllegalArgumentException("at most one credential per key derivation function");
        }
    }

    public ScramPrincipal(String authrole, ScramCredential credential) {
        this(authrole, "static", List.of(credential));
    }

    /**
     * A principal whose credentials are derived from {@code password}: with Argon2id, under both of its names
     * ({@code argon2id13} for the spec's clients, {@code argon2id-13} for autobahn-python's), sharing one salt.
     */
    public static ScramPrincipal fromPassword(String authrole, String password, ScramParameters parameters) {
        ScramCredential first = ScramCredential.derive(password, parameters);
        List<ScramCredential> credentials = new ArrayList<>(List.of(first));
        if (parameters.kdf().usesMemory()) {
            ScramKdf other = parameters.kdf() == ScramKdf.ARGON2ID13 ? ScramKdf.ARGON2ID_13 : ScramKdf.ARGON2ID13;
            credentials.add(ScramCredential.derive(password, parameters.as(other), first.salt()));
        }
        return new ScramPrincipal(authrole, "static", credentials);
    }

    /** The credential a client speaking {@code dialect} is challenged with: the one it is likeliest to handle. */
    ScramCredential credentialFor(ScramDialect dialect) {
        for (ScramKdf kdf : dialect.kdfPreference()) {
            for (ScramCredential credential : credentials) {
                if (credential.parameters().kdf() == kdf) {
                    return credential;
                }
            }
        }
        return credentials.get(0);
    }
}
