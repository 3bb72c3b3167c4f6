package io.wampspring.rawsocket;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.wampspring.router.WampRouter;

/**
 * RawSocket on a port another server owns, such as a web server's, beside HTTP and WebSocket. The spec chose the
 * handshake's first octet, 0x7F, so that no HTTP request starts with it: the first octet a client sends says which
 * protocol it speaks. Connections are counted, limited and configured as on a port of RawSocket's own.
 */
public final class SharedPortRawSocket {

    /** The first octet of every RawSocket handshake; an HTTP request starts with a method's letter. */
    public static final int MAGIC = 0x7F;

    private final WampRouter router;
    private final RawSocketConfig config;
    private final RawSocketHandshake handshake;
    private final ConnectionCount connections;

    public SharedPortRawSocket(WampRouter router, RawSocketConfig config) {
        this.router = router;
        this.config = config;
        this.handshake = config.handshake();
        this.connections = new ConnectionCount(config.maxConnections());
    }

    /**
     * A handler for one freshly accepted channel, to be put right before the other server's first protocol handler
     * (after TLS, if any). On a first octet 0x7F it takes the channel: it removes every handler after it and serves
     * RawSocket; on any other octet it removes only itself, and the other server reads the very bytes it would have.
     */
    public ChannelHandler detector() {
        return new Detector();
    }

    public RawSocketConfig config() {
        return config;
    }

    /** Connections past the handshake that are still open. */
    public int openConnections() {
        return connections.open();
    }

    private final class Detector extends ByteToMessageDecoder {

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (!in.isReadable()) {
                return;
            }
            ChannelPipeline pipeline = ctx.pipeline();
            if (in.getUnsignedByte(in.readerIndex()) == MAGIC) {
                List<String> names = pipeline.names();
                for (String name : names.subList(names.indexOf(ctx.name()) + 1, names.size())) {
                    if (pipeline.context(name) != null) { // names() also lists the pipeline's tail
                        pipeline.remove(name);
                    }
                }
                pipeline.addAfter(ctx.name(), "wamp.rawsocket",
                        new RawSocketChannelHandler(router, config, handshake, connections));
                // the web server may have paused reading for its own back-pressure: RawSocket reads on its own terms
                ctx.channel().config().setAutoRead(true);
            }
            // removing a decoder hands what it has read on to the next handler
            pipeline.remove(this);
        }
    }
}
