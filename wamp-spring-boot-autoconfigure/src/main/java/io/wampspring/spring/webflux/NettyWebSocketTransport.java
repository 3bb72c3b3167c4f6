package io.wampspring.spring.webflux;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.Transport;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.router.transport.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The router's {@link Transport} over a Reactor Netty WebSocket channel. Each frame is written straight to the
 * channel and its callback runs when Netty's write future completes, that is when the frame has gone to the socket:
 * the router's bounded send buffer offers the next frame only then, so a peer that stops reading fills that buffer
 * (and meets the overflow policy) rather than Netty's unbounded outbound buffer. Nothing here blocks: a write from an
 * event loop or any other thread only enqueues into the channel.
 */
final class NettyWebSocketTransport implements Transport {

    private static final Logger logger = LoggerFactory.getLogger(NettyWebSocketTransport.class);

    private final Channel channel;
    private final WebsocketOutbound outbound;
    private final boolean binary;
    private final TransportInfo info;
    private final Duration closeTimeout;

    NettyWebSocketTransport(Channel channel, WebsocketOutbound outbound, boolean binary, TransportInfo info,
            Duration closeTimeout) {
        this.channel = channel;
        this.outbound = outbound;
        this.binary = binary;
        this.info = info;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void write(byte[] frame, WriteCallback callback) {
        // text frames carry the serializer's UTF-8 bytes as they are: no detour through a String
        Object message = binary ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame))
                : new TextWebSocketFrame(Unpooled.wrappedBuffer(frame));
        channel.writeAndFlush(message).addListener(future -> callback.completed(future.cause()));
    }

    /**
     * Sends the close frame behind everything written before and lets Reactor Netty close the channel. A peer that
     * does not read cannot hold the channel open: it is closed outright after the router's close timeout.
     */
    @Override
    public void close(CloseReason reason) {
        WebSocketCloseStatus status = switch (reason) {
            case NORMAL -> WebSocketCloseStatus.NORMAL_CLOSURE;
            case PROTOCOL_ERROR -> WebSocketCloseStatus.PROTOCOL_ERROR;
            case MESSAGE_TOO_BIG -> WebSocketCloseStatus.MESSAGE_TOO_BIG;
            case SLOW_CONSUMER -> new WebSocketCloseStatus(WebSocketCloseStatus.POLICY_VIOLATION.code(),
                    "send buffer overflow");
            case SHUTDOWN -> WebSocketCloseStatus.ENDPOINT_UNAVAILABLE;
        };
        if (!channel.isActive()) {
            return;
        }
        outbound.sendClose(status.code(), status.reasonText()).subscribe(null,
                ex -> logger.debug("Closing WebSocket channel {} failed", channel.id(), ex));
        ScheduledFuture<?> cutOff = channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                channel.close();
            }
        }, closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        // the usual close is prompt: the timer goes with the channel, not after the timeout with every closed one
        channel.closeFuture().addListener(closed -> cutOff.cancel(false));
    }

    @Override
    public TransportInfo info() {
        return info;
    }
}
