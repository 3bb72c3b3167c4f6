package io.wampspring.benchmarks.sessions;

import java.util.concurrent.CompletableFuture;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.wampspring.benchmarks.Wamp;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;

/**
 * Completes {@code ready} when the connection is open: for a bare connection at the upgrade, for a WAMP session at
 * the WELCOME that answers its HELLO. Anything else before that (an ABORT, a close, a failed handshake) fails it; an
 * unexpected frame afterwards closes the connection, which the run counts as an error (a connection not held).
 */
final class SessionReadyHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final SessionKind kind;
    private final String realm;
    private final CompletableFuture<Channel> ready;

    SessionReadyHandler(SessionKind kind, String realm, CompletableFuture<Channel> ready) {
        this.kind = kind;
        this.realm = realm;
        this.ready = ready;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            if (kind == SessionKind.WAMP) {
                ctx.writeAndFlush(new TextWebSocketFrame(Wamp.hello(realm, "subscriber")));
            }
            else {
                ready.complete(ctx.channel());
            }
        }
        else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            fail(ctx, new IllegalStateException("WebSocket handshake timed out"));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (ready.isDone() || !(frame instanceof TextWebSocketFrame text)) {
            fail(ctx, new IllegalStateException("unexpected frame " + frame));
            return;
        }
        WampMessage message = Wamp.decode(text.text());
        if (message instanceof Welcome) {
            ready.complete(ctx.channel());
        }
        else {
            fail(ctx, new IllegalStateException("expected WELCOME, got " + message));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ready.completeExceptionally(new IllegalStateException("closed before it was ready"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(cause);
        ctx.close();
    }
}
