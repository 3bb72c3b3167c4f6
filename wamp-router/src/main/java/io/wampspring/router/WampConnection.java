package io.wampspring.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.serialization.ProtocolViolationException;
import io.wampspring.router.serialization.UnserializableValueException;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.OutboundQueue;
import io.wampspring.router.transport.SlowConsumerPolicy;
import io.wampspring.router.transport.Transport;
import io.wampspring.router.transport.TransportInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote connection: frames in from the transport adapter, decoded and handed to the session on the same
 * thread; messages out, encoded on the sender's thread into the bounded {@link OutboundQueue}.
 */
public final class WampConnection implements PeerConnection {

    private static final Logger logger = LoggerFactory.getLogger(WampConnection.class);
    private static final VarHandle SLOW_CONSUMER_REPORTED =
            VarHandles.field(MethodHandles.lookup(), "slowConsumerReported", boolean.class);
    private static final VarHandle CLOSED = VarHandles.field(MethodHandles.lookup(), "closed", boolean.class);
    private static final VarHandle MESSAGES_IN = VarHandles.field(MethodHandles.lookup(), "messagesIn", long.class);
    private static final VarHandle MESSAGES_OUT = VarHandles.field(MethodHandles.lookup(), "messagesOut", long.class);

    private final WampRouter router;
    private final Transport transport;
    private final WampSerializer serializer;
    private final OutboundQueue queue;
    private final RouterSession session;
    private volatile boolean slowConsumerReported;
    /** A transport may report its close more than once (an error first, then the close itself): handled once. */
    private volatile boolean closed;
    /**
     * Messages decoded from the peer, and messages queued for it (for the actuator): plain fields added to through
     * {@link #MESSAGES_IN} and {@link #MESSAGES_OUT}, as cheap on the hot path as an uncontended {@code LongAdder}
     * and 64 bytes less per connection.
     */
    private volatile long messagesIn;
    private volatile long messagesOut;
    private volatile @Nullable ScheduledFuture<?> closeDeadline;
    /** The session's message rate ({@code LimitsConfig.messagesPerSecond}); null when unlimited. */
    private final @Nullable TokenBucket rate;

    WampConnection(WampRouter router, Transport transport, WampSerializer serializer) {
        this.router = router;
        this.transport = transport;
        this.serializer = serializer;
        this.queue = new OutboundQueue(transport, router.config().sendBufferBytes());
        this.session = new RouterSession(router, this);
        LimitsConfig limits = router.config().limits();
        this.rate = limits.messagesPerSecond() > 0
                ? new TokenBucket(limits.messagesPerSecond(), limits.effectiveBurst(), System::nanoTime) : null;
    }

    public RouterSession session() {
        return session;
    }

    public WampSerializer serializer() {
        return serializer;
    }

    /** A binary frame (or a text frame's UTF-8 bytes) from the peer. */
    public void onFrame(byte[] frame) {
        handle(() -> serializer.deserialize(frame));
    }

    /** A text frame from the peer, decoded without a detour through UTF-8 bytes. */
    public void onFrame(String frame) {
        handle(() -> serializer.deserialize(frame));
    }

    private void handle(Supplier<WampMessage> decoder) {
        if (rate != null && !rate.tryTake()) {
            overRate();
            return;
        }
        WampMessage message;
        try {
            message = decoder.get();
        }
        catch (ProtocolViolationException ex) {
            session.protocolViolation(ex.getMessage());
            return;
        }
        MESSAGES_IN.getAndAdd(this, 1L);
        dispatch(message);
    }

    /**
     * A frame beyond the session's rate and burst: the session is ABORTed, before the frame is even decoded (a peer
     * that floods should cost as little as possible). Frames that still arrive after are dropped unread.
     */
    private void overRate() {
        if (session.state() == RouterSession.State.CLOSED) {
            return;
        }
        Realm realm = session.realm();
        LimitsConfig limits = router.config().limits();
        session.limitExceeded(realm != null ? realm.name() : null, Limit.MESSAGES_PER_SECOND, "more than "
                + limits.messagesPerSecond() + " messages per second (burst " + limits.effectiveBurst()
                + ", wamp.limits.messages-per-second)");
    }

    /** A frame of the wrong kind for the negotiated serializer (text for a binary one, or the reverse). */
    public void onWrongFrameType(boolean binary) {
        session.protocolViolation((binary ? "binary" : "text") + " frame received on a " + serializer.subprotocol()
                + " connection");
    }

    /** The peer sent a message larger than the transport accepts. */
    public void onMessageTooBig(long size, long limit) {
        session.abort(WampUris.PAYLOAD_SIZE_EXCEEDED,
                "message of " + size + " bytes or more exceeds the limit of " + limit + " bytes",
                CloseReason.MESSAGE_TOO_BIG);
    }

    /** The transport is closed, by either side, or known to be lost; any later report of it is ignored. */
    public void onClose() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return;
        }
        queue.closeNow(CloseReason.NORMAL);
        ScheduledFuture<?> deadline = closeDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
        session.connectionLost();
    }

    private void dispatch(WampMessage message) {
        try {
            session.handle(message);
        }
        catch (RuntimeException ex) {
            // a defect of ours must not take the transport down; the peer learns nothing it could misuse
            logger.error("Failed to handle {} of session {}", message.type(), session.sessionId(), ex);
        }
    }

    @Override
    public void send(WampMessage message) {
        byte[] frame = serializer.serialize(message);
        overflowed(message, counted(queue.offer(frame)));
    }

    @Override
    public boolean sendIf(BooleanSupplier condition, WampMessage message) {
        // an EVENT goes to every subscriber alike: its frame is shared, not made again for each one
        byte[] frame = message.type() == MessageType.EVENT ? SharedFrames.serialize(serializer, message)
                : serializer.serialize(message);
        boolean[] held = new boolean[1];
        OutboundQueue.Offer offer = queue.offer(() -> (held[0] = condition.getAsBoolean()) ? frame : null);
        if (held[0]) {
            counted(offer);
        }
        overflowed(message, offer);
        return held[0];
    }

    @Override
    public void sendAfter(Supplier<WampMessage> changeThenReply) {
        WampMessage[] reply = new WampMessage[1];
        OutboundQueue.Offer offer = queue.offer(() -> serializer.serialize(reply[0] = changeThenReply.get()));
        overflowed(reply[0], counted(offer));
    }

    @Override
    public void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies) {
        List<WampMessage> sent = new ArrayList<>();
        List<OutboundQueue.Offer> offers = queue.offerAll(() -> {
            List<WampMessage> messages = changeThenReplies.get();
            List<byte[]> frames = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                byte[] frame = i == 0 ? serializer.serialize(messages.get(0)) : serializedOrNull(messages.get(i));
                if (frame != null) {
                    sent.add(messages.get(i));
                    frames.add(frame);
                }
            }
            return frames;
        });
        for (int i = 0; i < offers.size(); i++) {
            overflowed(sent.get(i), counted(offers.get(i)));
        }
    }

    private byte @Nullable [] serializedOrNull(WampMessage message) {
        try {
            return serializer.serialize(message);
        }
        catch (UnserializableValueException ex) {
            logger.warn("A {} cannot be sent to session {}: {}", message.type(), session.sessionId(),
                    ex.getMessage());
            return null;
        }
    }

    private OutboundQueue.Offer counted(OutboundQueue.Offer offer) {
        if (offer == OutboundQueue.Offer.ACCEPTED) {
            MESSAGES_OUT.getAndAdd(this, 1L);
        }
        return offer;
    }

    /** Applies the slow-consumer policy when a frame did not fit. */
    private void overflowed(WampMessage message, OutboundQueue.Offer offer) {
        if (offer != OutboundQueue.Offer.FULL) {
            return;
        }
        SlowConsumerPolicy policy = router.config().slowConsumerPolicy();
        if (policy == SlowConsumerPolicy.DROP_EVENTS && message.type() == MessageType.EVENT) {
            router.stats().droppedEvents.increment();
            router.observer().eventDropped(realmName(), RouterObserver.DropReason.SEND_BUFFER);
            if (SLOW_CONSUMER_REPORTED.compareAndSet(this, false, true)) {
                observeSlowConsumer(RouterObserver.SlowConsumerAction.DROP_EVENTS);
                logger.warn("Session {} cannot keep up: its send buffer of {} bytes is full, dropping events for it",
                        session.sessionId(), router.config().sendBufferBytes());
            }
            return;
        }
        router.stats().slowConsumerDisconnects.increment();
        observeSlowConsumer(RouterObserver.SlowConsumerAction.DISCONNECT);
        logger.warn("Session {} cannot keep up: its send buffer of {} bytes is full, disconnecting it",
                session.sessionId(), router.config().sendBufferBytes());
        queue.closeNow(CloseReason.SLOW_CONSUMER);
        session.connectionLost();
    }

    private void observeSlowConsumer(RouterObserver.SlowConsumerAction action) {
        TransportInfo info = transport.info();
        router.observer().slowConsumer(realmName(), action, info.type(), info.serializer());
    }

    private @Nullable String realmName() {
        Realm realm = session.realm();
        return realm != null ? realm.name() : null;
    }

    @Override
    public void close(CloseReason reason) {
        if (closeDeadline == null) {
            // a peer that stops reading cannot hold the connection open: cut it off when the flush takes too long.
            // Armed before the flush starts, so a transport that reports its close at once also disarms it.
            closeDeadline = router.schedule(router.config().closeTimeout(), () -> queue.closeNow(reason));
        }
        queue.closeAfterFlush(reason);
    }

    /** Closes the transport now, dropping whatever is still queued (a shutdown cutting off a silent peer). */
    void closeNow(CloseReason reason) {
        queue.closeNow(reason);
    }

    @Override
    public TransportInfo info() {
        return transport.info();
    }

    public long queuedBytes() {
        return queue.queuedBytes();
    }

    /** Messages received from the peer and decoded, protocol violations not counted. */
    public long messagesIn() {
        return messagesIn;
    }

    /** Messages accepted into the send buffer for the peer (dropped or refused ones not counted). */
    public long messagesOut() {
        return messagesOut;
    }
}
