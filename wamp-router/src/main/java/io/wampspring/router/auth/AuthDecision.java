package io.wampspring.router.auth;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.message.Authenticate;

/** The outcome of one step of authentication. */
public sealed interface AuthDecision permits AuthDecision.Accept, AuthDecision.Challenge, AuthDecision.Reject {

    static AuthDecision accept(AuthIdentity identity) {
        return new Accept(identity);
    }

    static AuthDecision reject(String reason, String message) {
        return new Reject(reason, message);
    }

    /** Welcome the session with this identity. */
    record Accept(AuthIdentity identity) implements AuthDecision {
    }

    /**
     * Send CHALLENGE with {@code extra}; the client's AUTHENTICATE goes to {@code responder}, which may challenge
     * again (multi-round methods such as SCRAM).
     */
    record Challenge(Map<String, Object> extra, Responder responder) implements AuthDecision {
    }

    /** ABORT with this reason URI and a human-readable message. */
    record Reject(String reason, String message) implements AuthDecision {
    }

    /** Continues an authentication after a CHALLENGE. */
    @FunctionalInterface
    interface Responder {
        CompletionStage<AuthDecision> respond(Authenticate authenticate);
    }
}
