package io.wampspring.router.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Ticket authentication ({@code ticket}): CHALLENGE with an empty extra, and the AUTHENTICATE's signature is the
 * ticket, which the {@link TicketVerifier} checks. Every HELLO is challenged, known authid or not, so the answer to
 * HELLO tells a client nothing about which principals exist.
 */
public final class TicketAuthenticator implements Authenticator {

    public static final String METHOD = "ticket";

    private final TicketVerifier verifier;

    public TicketAuthenticator(TicketVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String authMethod() {
        return METHOD;
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        return CompletableFuture.completedFuture(new AuthDecision.Challenge(Map.of(),
                authenticate -> verifier.verify(request, authenticate.signature())));
    }
}
