package io.wampspring.rawsocket;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.wampspring.router.WampConnection;
import io.wampspring.router.WampRouter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RawSocket connection: the handshake, then frames. Runs on the channel's event loop, which hands the router
 * one connection's frames in order; each WAMP message is decoded and routed right there (DESIGN: route where the
 * message arrives). TCP delivers bytes in any split: a frame may come in pieces or several in one read.
 */
final class RawSocketChannelHandler extends ByteToMessageDecoder {

    private static final Logger logger = LoggerFactory.getLogger(RawSocketChannelHandler.class);

    private enum State { HANDSHAKE, OPEN, DISCARDING }

    private final WampRouter router;
    private final RawSocketConfig config;
    private final RawSocketHandshake handshake;
    private final ConnectionCount connections;
    private State state = State.HANDSHAKE;
    private @Nullable WampConnection connection;
    private boolean counted;
    private @Nullable ScheduledFuture<?> handshakeDeadline;
    /** PONG octets written but not yet flushed: a peer that pings without reading cannot grow them without bound. */
    private long pongBytesInFlight;

    RawSocketChannelHandler(WampRouter router, RawSocketConfig config, RawSocketHandshake handshake,
            ConnectionCount connections) {
        this.router = router;
        this.config = config;
        this.handshake = handshake;
        this.connections = connections;
    }

    /** Added to a channel that is open already: a port shared with another protocol, which read the first octet. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (ctx.channel().isActive()) {
            startHandshakeDeadline(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startHandshakeDeadline(ctx);
        super.channelActive(ctx);
    }

    private void startHandshakeDeadline(ChannelHandlerContext ctx) {
        if (handshakeDeadline != null) {
            return;
        }
        handshakeDeadline = ctx.executor().schedule(() -> {
            if (state == State.HANDSHAKE) {
                logger.debug("RawSocket client {} sent no handshake within {}", ctx.channel().remoteAddress(),
                        config.handshakeTimeout());
                state = State.DISCARDING;
                ctx.close();
            }
        }, config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.HANDSHAKE) {
            if (in.readableBytes() < 4) {
                return;
            }
            byte[] request = new byte[4];
            in.readBytes(request);
            handshake(ctx, request);
        }
        while (state == State.OPEN && in.readableBytes() >= RawSocketFrames.HEADER_LENGTH) {
            if (!frame(ctx, in)) {
                break;
            }
        }
        if (state == State.DISCARDING) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void handshake(ChannelHandlerContext ctx, byte[] request) {
        cancelHandshakeDeadline();
        RawSocketHandshake.Outcome outcome = handshake.evaluate(request);
        if (outcome instanceof RawSocketHandshake.Accepted && !connections.tryAcquire()) {
            outcome = new RawSocketHandshake.Rejected(RawSocketError.MAX_CONNECTIONS_REACHED);
        }
        if (outcome instanceof RawSocketHandshake.Accepted accepted) {
            counted = true;
            ctx.writeAndFlush(ctx.alloc().buffer(4).writeBytes(
                    RawSocketHandshake.acceptReply(config.maxLengthExponent(), accepted.serializerId())));
            RawSocketTransport transport =
                    new RawSocketTransport(ctx.channel(), accepted.serializer(), accepted.clientMaxLength());
            state = State.OPEN;
            connection = router.connect(transport, accepted.serializer());
            return;
        }
        state = State.DISCARDING;
        if (outcome instanceof RawSocketHandshake.Rejected rejected) {
            logger.debug("Refusing RawSocket client {}: {}", ctx.channel().remoteAddress(), rejected.error());
            ctx.writeAndFlush(ctx.alloc().buffer(4).writeBytes(RawSocketHandshake.errorReply(rejected.error())))
                    .addListener(ChannelFutureListener.CLOSE);
        }
        else if (outcome instanceof RawSocketHandshake.NotRawSocket notRawSocket) {
            // the spec: not a RawSocket client, so fail the connection; a RawSocket error reply would mean nothing
            logger.debug("Closing {}: first octet 0x{} is not the RawSocket magic 0x7f",
                    ctx.channel().remoteAddress(), Integer.toHexString(notRawSocket.firstOctet()));
            ctx.close();
        }
    }

    /** Handles one frame if it has arrived whole; false when more bytes are needed. */
    private boolean frame(ChannelHandlerContext ctx, ByteBuf in) {
        WampConnection open = connection;
        RawSocketFrames.Header header = RawSocketFrames.Header.parse(in.getInt(in.readerIndex()));
        if (!header.valid()) {
            state = State.DISCARDING;
            open.session().protocolViolation(header.violation());
            return false;
        }
        if (header.length() > config.maxLength()) {
            // the spec: a message above the announced limit fails the connection; ABORT says why, then it closes
            state = State.DISCARDING;
            open.onMessageTooBig(header.length(), config.maxLength());
            return false;
        }
        if (in.readableBytes() < RawSocketFrames.HEADER_LENGTH + header.length()) {
            return false;
        }
        in.skipBytes(RawSocketFrames.HEADER_LENGTH);
        switch (header.type()) {
            case RawSocketFrames.WAMP -> {
                byte[] message = new byte[header.length()];
                in.readBytes(message);
                open.onFrame(message);
            }
            case RawSocketFrames.PING -> pong(ctx, in.readRetainedSlice(header.length()));
            default -> in.skipBytes(header.length()); // a PONG: we send no PINGs, nothing waits for it
        }
        return true;
    }

    /** Answers a PING at once with its payload (the spec's MUST), unless the peer never reads its PONGs. */
    private void pong(ChannelHandlerContext ctx, ByteBuf payload) {
        int length = payload.readableBytes();
        if (pongBytesInFlight + length > config.maxLength()) {
            payload.release();
            logger.warn("Closing RawSocket connection {}: it sends PINGs but does not read the PONGs",
                    ctx.channel().remoteAddress());
            state = State.DISCARDING;
            ctx.close();
            return;
        }
        pongBytesInFlight += length;
        ctx.writeAndFlush(RawSocketFrames.frame(ctx.alloc(), RawSocketFrames.PONG, payload))
                .addListener(future -> pongBytesInFlight -= length);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelHandshakeDeadline();
        state = State.DISCARDING;
        if (counted) {
            counted = false;
            connections.release();
        }
        WampConnection open = connection;
        if (open != null) {
            connection = null;
            open.onClose();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        logger.debug("RawSocket connection {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    private void cancelHandshakeDeadline() {
        ScheduledFuture<?> deadline = handshakeDeadline;
        if (deadline != null) {
            handshakeDeadline = null;
            deadline.cancel(false);
        }
    }
}
