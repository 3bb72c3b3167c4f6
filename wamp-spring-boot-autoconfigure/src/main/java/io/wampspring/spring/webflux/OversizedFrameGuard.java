package io.wampspring.spring.webflux;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.wampspring.router.WampConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a single frame larger than the message size limit into the ABORT the servlet transport sends
 * ({@code wamp.error.payload_size_exceeded}) rather than Netty's bare close. Netty's frame decoder reads a frame's
 * length from its header and refuses it before buffering its payload, but by default it closes the connection at
 * once with 1009; the decoder is swapped for one that reports the violation instead, and this handler, right behind
 * it, lets the router ABORT (flushed before the close). The decoder discards everything after a violation. Other
 * violations close as Netty would.
 */
final class OversizedFrameGuard extends ChannelInboundHandlerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(OversizedFrameGuard.class);

    /** The name Netty's WebSocket handshaker gives its frame decoder. */
    private static final String DECODER = "wsdecoder";

    private final WampConnection connection;
    private final int limit;

    private OversizedFrameGuard(WampConnection connection, int limit) {
        this.connection = connection;
        this.limit = limit;
    }

    /** The frame decoder's settings for frames up to {@code limit}: made once and shared by every connection. */
    static WebSocketDecoderConfig decoderConfig(int limit) {
        return WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(true)
                .allowMaskMismatch(false)
                .allowExtensions(false)
                .maxFramePayloadLength(limit)
                .closeOnProtocolViolation(false)
                .build();
    }

    /**
     * Installs the guard on a channel whose WebSocket handshake is done, from its event loop, with the decoder
     * {@code config} ({@link #decoderConfig}). Without Netty's decoder under its usual name (another Netty version),
     * the channel keeps Netty's own 1009 close.
     */
    static void install(Channel channel, WampConnection connection, WebSocketDecoderConfig config) {
        ChannelPipeline pipeline = channel.pipeline();
        if (!(pipeline.get(DECODER) instanceof WebSocket13FrameDecoder)) {
            logger.debug("No WebSocket frame decoder named {} on channel {}: oversized frames close with 1009",
                    DECODER, channel.id());
            return;
        }
        // bytes the old decoder still holds pass on to the new one (Netty links the replaced context to it)
        pipeline.replace(DECODER, DECODER, new WebSocket13FrameDecoder(config));
        pipeline.addAfter(DECODER, "wampOversizedFrameGuard", new OversizedFrameGuard(connection, config.maxFramePayloadLength()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof CorruptedWebSocketFrameException violation)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (violation.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            // the frame's length is past the limit; how far past, the decoder does not say
            connection.onMessageTooBig(limit + 1L, limit);
            return;
        }
        logger.debug("WebSocket protocol violation on channel {}: {}", ctx.channel().id(), violation.getMessage());
        ctx.writeAndFlush(new CloseWebSocketFrame(violation.closeStatus(), violation.getMessage()))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
