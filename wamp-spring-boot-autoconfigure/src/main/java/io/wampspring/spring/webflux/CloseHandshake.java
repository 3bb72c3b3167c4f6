package io.wampspring.spring.webflux;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * The WebSocket closing handshake of RFC 6455 when the router closes. Reactor Netty's {@code sendClose} closes the
 * TCP connection as soon as its close frame is written, so the peer's answering close frame meets a closed
 * connection and the peer sees an abnormal closure. Here the close frame goes straight to the channel, behind all
 * frames written before it, and the connection stays open until the peer's close frame arrives (the server then
 * closes TCP first, as the RFC asks), the peer closes TCP, or the close timeout passes. Closing at once would also
 * reset a connection whose peer is still sending (a message over the limit, say), and the reset can destroy the
 * ABORT and close frame before the peer reads them. A close the peer starts passes on to Reactor Netty, which echoes
 * it and closes.
 */
final class CloseHandshake extends ChannelInboundHandlerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(CloseHandshake.class);

    private final Channel channel;
    private final Duration timeout;
    /** Set by whichever close frame comes first: the router's, or the peer's. */
    private final AtomicBoolean closing = new AtomicBoolean();

    private CloseHandshake(Channel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    /** Installs the handshake on a channel whose WebSocket handshake is done, from its event loop. */
    static CloseHandshake install(Channel channel, Duration timeout) {
        CloseHandshake handshake = new CloseHandshake(channel, timeout);
        channel.pipeline().addBefore(NettyPipeline.ReactiveBridge, "wampCloseHandshake", handshake);
        return handshake;
    }

    /**
     * Sends the router's close frame, once, unless the peer's came first. A peer that never answers cannot hold the
     * connection open: it is closed outright after the timeout.
     */
    void close(WebSocketCloseStatus status) {
        if (!channel.isActive() || !closing.compareAndSet(false, true)) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(status)).addListener(written -> {
            if (!written.isSuccess()) {
                logger.debug("Closing WebSocket channel {} failed", channel.id(), written.cause());
                channel.close();
            }
        });
        ScheduledFuture<?> cutOff = channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                channel.close();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        // the usual close is prompt: the timer goes with the channel, not after the timeout with every closed one
        channel.closeFuture().addListener(closed -> cutOff.cancel(false));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        boolean peerCloses = frame instanceof CloseWebSocketFrame;
        if (peerCloses && closing.compareAndSet(false, true)) {
            ctx.fireChannelRead(frame);
            return;
        }
        if (closing.get()) {
            // after the router's close frame nothing more is routed; the peer's close frame ends the handshake
            ReferenceCountUtil.release(frame);
            if (peerCloses) {
                ctx.close();
            }
            return;
        }
        ctx.fireChannelRead(frame);
    }
}
