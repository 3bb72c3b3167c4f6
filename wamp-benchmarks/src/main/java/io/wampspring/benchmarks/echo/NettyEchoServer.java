package io.wampspring.benchmarks.echo;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The plain Netty echo (NIO): HTTP codec, upgrade at {@code /echo}, each text frame written straight back on its
 * event loop. As many event loops as Reactor Netty starts by default (the processors, at least 4), so that it is the
 * ceiling of the reactive transport's own stack.
 */
public final class NettyEchoServer implements EchoServer {

    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private NettyEchoServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    static NettyEchoServer start(int port) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("echo-accept"),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(Math.max(4, Runtime.getRuntime()
                .availableProcessors()), new DefaultThreadFactory("echo-io"), NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel child) {
                            child.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketServerProtocolHandler(PATH, null, false, MAX_FRAME),
                                    new Echo());
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel();
            return new NettyEchoServer(boss, workers, channel);
        }
        catch (InterruptedException | RuntimeException ex) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw ex;
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully().syncUninterruptibly();
        workers.shutdownGracefully().syncUninterruptibly();
    }

    /** Writes every text frame back as it is (the frame's buffer is reused, not copied). */
    private static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ctx.writeAndFlush(frame.retain());
        }
    }
}
