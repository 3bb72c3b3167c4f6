package io.wampspring.router.auth;

import java.util.concurrent.CompletionStage;

/**
 * Checks the ticket a client answered a ticket CHALLENGE with: against configured principals, an identity store, or
 * anything else. The stage may complete on any thread; a slow check should not run on the transport thread.
 */
@FunctionalInterface
public interface TicketVerifier {

    /**
     * {@link AuthDecision.Accept} with the session's identity, or {@link AuthDecision.Reject} (normally
     * {@code wamp.error.authentication_failed}) for an unknown authid or a wrong ticket.
     */
    CompletionStage<AuthDecision> verify(AuthRequest request, String ticket);
}
