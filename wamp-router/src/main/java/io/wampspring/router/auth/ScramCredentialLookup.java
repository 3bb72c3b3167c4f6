package io.wampspring.router.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds the WAMP-SCRAM credentials of a user: configured principals, a user database, anything else. The stage may
 * complete on any thread; a slow lookup should not run on the transport thread.
 */
@FunctionalInterface
public interface ScramCredentialLookup {

    /** The principal {@code authid} names in {@code realm}, or empty when there is none. */
    CompletionStage<Optional<ScramPrincipal>> find(String realm, String authid);

    /** A fixed set of principals by authid (the same in every realm it is used for). */
    static ScramCredentialLookup of(Map<String, ScramPrincipal> principals) {
        Map<String, ScramPrincipal> byAuthid = Map.copyOf(principals);
        return (realm, authid) -> CompletableFuture.completedFuture(Optional.ofNullable(byAuthid.get(authid)));
    }
}
