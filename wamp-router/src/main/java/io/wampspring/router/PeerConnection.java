package io.wampspring.router;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.message.WampMessage;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.TransportInfo;

/** The router's side of a session's connection: remote (serialized over a transport) or in-process. */
public interface PeerConnection {

    /** Sends without blocking; a closed or overflowing connection deals with the message by its own policy. */
    void send(WampMessage message);

    /** See {@link WampPeer#sendAfter(Supplier)}. */
    void sendAfter(Supplier<WampMessage> changeThenReply);

    /** See {@link WampPeer#sendAllAfter(Supplier)}. */
    void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies);

    /** See {@link WampPeer#sendIf(BooleanSupplier, WampMessage)}. */
    boolean sendIf(BooleanSupplier condition, WampMessage message);

    /** Closes once everything sent so far has gone out. */
    void close(CloseReason reason);

    TransportInfo info();
}
