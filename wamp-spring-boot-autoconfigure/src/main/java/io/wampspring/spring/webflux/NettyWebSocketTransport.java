package io.wampspring.spring.webflux;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.Transport;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.router.transport.WriteCallback;

/**
 * The router's {@link Transport} over a Reactor Netty WebSocket channel. Each frame is written straight to the
 * channel and its callback runs when Netty's write future completes, that is when the frame has gone to the socket:
 * the router's bounded send buffer offers the next frame only then, so a peer that stops reading fills that buffer
 * (and meets the overflow policy) rather than Netty's unbounded outbound buffer. Nothing here blocks: a write from an
 * event loop or any other thread only enqueues into the channel.
 */
final class NettyWebSocketTransport implements Transport {

    private final Channel channel;
    private final CloseHandshake closeHandshake;
    private final boolean binary;
    private final TransportInfo info;

    NettyWebSocketTransport(Channel channel, CloseHandshake closeHandshake, boolean binary, TransportInfo info) {
        this.channel = channel;
        this.closeHandshake = closeHandshake;
        this.binary = binary;
        this.info = info;
    }

    @Override
    public void write(byte[] frame, WriteCallback callback) {
        // text frames carry the serializer's UTF-8 bytes as they are: no detour through a String
        Object message = binary ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame))
                : new TextWebSocketFrame(Unpooled.wrappedBuffer(frame));
        channel.writeAndFlush(message).addListener(future -> callback.completed(future.cause()));
    }

    /** Sends the close frame behind everything written before and waits for the peer's ({@link CloseHandshake}). */
    @Override
    public void close(CloseReason reason) {
        closeHandshake.close(switch (reason) {
            case NORMAL -> WebSocketCloseStatus.NORMAL_CLOSURE;
            case PROTOCOL_ERROR -> WebSocketCloseStatus.PROTOCOL_ERROR;
            case MESSAGE_TOO_BIG -> WebSocketCloseStatus.MESSAGE_TOO_BIG;
            case SLOW_CONSUMER -> new WebSocketCloseStatus(WebSocketCloseStatus.POLICY_VIOLATION.code(),
                    "send buffer overflow");
            case SHUTDOWN -> WebSocketCloseStatus.ENDPOINT_UNAVAILABLE;
        });
    }

    @Override
    public TransportInfo info() {
        return info;
    }
}
