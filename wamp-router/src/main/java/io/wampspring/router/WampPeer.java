package io.wampspring.router;

import io.wampspring.router.auth.AuthIdentity;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.message.WampMessage;

/**
 * A session as the Dealer and Broker see it: an id, an identity and a way to send it messages. A local session, a
 * WebSocket client and (later) a peer on another node all stand here alike.
 */
public interface WampPeer {

    long sessionId();

    /**
     * The session id as the key of the realm's, dealer's and broker's maps of sessions: a peer that boxes it once
     * shares one {@code Long} between them rather than holding three.
     */
    default Long sessionKey() {
        return sessionId();
    }

    AuthIdentity identity();

    /** Hands a message to the peer's send buffer; never blocks. */
    void send(WampMessage message);

    /**
     * Applies a change and sends the reply it returns, as one step for this peer: whatever another session sends it
     * because of the change (an EVENT for a new subscription, an INVOCATION for a new registration) cannot overtake
     * the reply, and the peer cannot act on the reply before the change is visible.
     */
    void sendAfter(Supplier<WampMessage> changeThenReply);

    /**
     * Like {@link #sendAfter}, with messages that must follow the reply before anything else (retained events after
     * SUBSCRIBED): the first message is the reply; one of the others that cannot be serialized for this peer is
     * skipped and logged.
     */
    void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies);

    /**
     * Sends the message if {@code condition}, checked under the same lock as {@link #sendAfter}, holds; returns
     * whether it held.
     */
    boolean sendIf(BooleanSupplier condition, WampMessage message);

    /** Whether the peer announced {@code feature} for {@code role} in HELLO (in-process peers support all). */
    boolean supports(String role, String feature);

    /** Whether this is the router's own service session, which may register and publish under {@code wamp.}. */
    default boolean isRouterService() {
        return false;
    }

    /**
     * How many calls this peer may have awaiting their answer at once; 0 for no limit. A CALL beyond it is refused
     * with {@code wamp.error.limit_exceeded}.
     */
    default int outstandingCallLimit() {
        return 0;
    }

    /** The next router-issued request id toward this peer (session scope), for INVOCATION and INTERRUPT. */
    long nextRequestId();
}
