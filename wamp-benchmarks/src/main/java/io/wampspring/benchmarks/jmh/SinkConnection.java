package io.wampspring.benchmarks.jmh;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.PeerConnection;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.TransportInfo;

/**
 * The router's side of an in-process session that keeps nothing: it counts what the router sends it and remembers the
 * last message (the reply to a request, since everything here runs on the benchmark's own thread). Joined through
 * the router's public {@link WampRouter#joinLocal}, so the broker treats it as any session, without serialization,
 * send buffers or the executor hops of {@code LocalSession}.
 */
final class SinkConnection implements PeerConnection {

    static final AuthIdentity IDENTITY = new AuthIdentity("bench", "bench", "local", "bench");

    private WampMessage last;
    private long received;

    /** A new session of {@code realm}, announcing every feature, whose messages go to a new sink. */
    static RouterSession join(WampRouter router, String realm) {
        return router.joinLocal(realm, IDENTITY, new SinkConnection(), null);
    }

    static SinkConnection of(RouterSession session) {
        return (SinkConnection) session.connection();
    }

    WampMessage last() {
        return last;
    }

    long received() {
        return received;
    }

    @Override
    public void send(WampMessage message) {
        last = message;
        received++;
    }

    @Override
    public void sendAfter(Supplier<WampMessage> changeThenReply) {
        send(changeThenReply.get());
    }

    @Override
    public void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies) {
        changeThenReplies.get().forEach(this::send);
    }

    @Override
    public boolean sendIf(BooleanSupplier condition, WampMessage message) {
        if (!condition.getAsBoolean()) {
            return false;
        }
        send(message);
        return true;
    }

    @Override
    public void close(CloseReason reason) {
    }

    @Override
    public TransportInfo info() {
        return TransportInfo.local();
    }
}
