package io.wampspring.router.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Accepts everyone. The authid is the router's ({@code anonymous-<session id>}), never the one the client claims: an
 * anonymous client cannot pick who it is.
 */
public final class AnonymousAuthenticator implements Authenticator {

    public static final String METHOD = "anonymous";

    private final String authrole;

    public AnonymousAuthenticator(String authrole) {
        this.authrole = authrole;
    }

    @Override
    public String authMethod() {
        return METHOD;
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        String authid = "anonymous-" + request.sessionId();
        return CompletableFuture.completedFuture(
                AuthDecision.accept(new AuthIdentity(authid, authrole, METHOD, "static")));
    }
}
