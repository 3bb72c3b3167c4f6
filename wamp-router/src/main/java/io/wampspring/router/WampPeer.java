package io.wampspring.router;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.WampMessage;

/**
 * A session as the Dealer and Broker see it: an id, an identity and a way to send it messages. A local session, a
 * WebSocket client and (later) a peer on another node all stand here alike.
 */
public interface WampPeer {

    long sessionId();

    AuthIdentity identity();

    /** Hands a message to the peer's send buffer; never blocks. */
    void send(WampMessage message);

    /** The next router-issued request id toward this peer (session scope), for INVOCATION and INTERRUPT. */
    long nextRequestId();
}
