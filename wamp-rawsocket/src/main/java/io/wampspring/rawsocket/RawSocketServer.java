package io.wampspring.rawsocket;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.wampspring.router.WampRouter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the router over WAMP-over-RawSocket on a TCP port of its own, with Netty on NIO. It owns its event loops:
 * {@link #start} creates them and binds, {@link #stop} closes every connection and releases them.
 */
public final class RawSocketServer {

    private static final Logger logger = LoggerFactory.getLogger(RawSocketServer.class);

    private final WampRouter router;
    private final RawSocketConfig config;
    private final ConnectionCount connections;
    private @Nullable EventLoopGroup acceptor;
    private @Nullable EventLoopGroup workers;
    private @Nullable Channel listener;

    public RawSocketServer(WampRouter router, RawSocketConfig config) {
        this.router = router;
        this.config = config;
        this.connections = new ConnectionCount(config.maxConnections());
    }

    /** Binds and starts accepting; returns the bound address (its port is the real one when 0 was asked). */
    public synchronized InetSocketAddress start() {
        if (listener != null) {
            return localAddress();
        }
        EventLoopGroup acceptGroup = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("wamp-rawsocket-accept"), NioIoHandler.newFactory());
        EventLoopGroup workerGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("wamp-rawsocket"), NioIoHandler.newFactory());
        RawSocketHandshake handshake = config.handshake();
        try {
            listener = new ServerBootstrap()
                    .group(acceptGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            RawSocketTls tls = config.tls();
                            if (tls != null) {
                                channel.pipeline().addLast(new SslHandler(tls.newServerEngine()));
                            }
                            channel.pipeline().addLast(
                                    new RawSocketChannelHandler(router, config, handshake, connections));
                        }
                    })
                    .bind(config.address(), config.port())
                    .syncUninterruptibly()
                    .channel();
        }
        catch (RuntimeException ex) {
            acceptGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workerGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("RawSocket server could not bind " + config.address() + ":"
                    + config.port() + ": " + ex.getMessage(), ex);
        }
        acceptor = acceptGroup;
        workers = workerGroup;
        logger.debug("RawSocket server listening on {}", localAddress());
        return localAddress();
    }

    /** Stops accepting and closes every connection (the router said GOODBYE to their sessions before). */
    public synchronized void stop() {
        Channel bound = listener;
        if (bound == null) {
            return;
        }
        listener = null;
        bound.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        for (EventLoopGroup group : new EventLoopGroup[] {acceptor, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
            }
        }
        acceptor = null;
        workers = null;
    }

    public synchronized boolean isRunning() {
        return listener != null;
    }

    /** The bound address; the configured one before {@link #start}. */
    public synchronized InetSocketAddress localAddress() {
        Channel bound = listener;
        return bound != null ? (InetSocketAddress) bound.localAddress()
                : new InetSocketAddress(config.address(), config.port());
    }

    public RawSocketConfig config() {
        return config;
    }

    /** The URL clients connect to: {@code rs://host:port}, or {@code rss://} with TLS. */
    public String url() {
        InetSocketAddress address = localAddress();
        return (config.tls() != null ? "rss://" : "rs://") + address.getHostString() + ":" + address.getPort();
    }

    /** Connections past the handshake that are still open. */
    public int openConnections() {
        return connections.open();
    }
}
