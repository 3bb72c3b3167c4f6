package io.wampspring.benchmarks.sessions;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Opens and holds many idle WebSocket connections (bare or WAMP) with little memory each: one Netty channel per
 * connection on two NIO threads. What is measured is the server; this client only has to stay out of the way.
 */
final class IdleClient implements AutoCloseable {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("sessions-client"), NioIoHandler.newFactory());
    private final String realm;

    IdleClient(String realm) {
        this.realm = realm;
    }

    /**
     * Opens {@code count} connections of {@code kind} with at most {@code concurrency} handshakes in flight, and
     * returns them once every one is ready (upgraded; for WAMP, welcomed).
     */
    List<Channel> open(SessionKind kind, URI uri, int count, int concurrency, Duration timeout) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Channel>> opening = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < count; i++) {
            if (!inFlight.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                break;
            }
            CompletableFuture<Channel> ready = openOne(kind, uri);
            ready.whenComplete((channel, error) -> inFlight.release());
            opening.add(ready);
        }
        try {
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            long done = opening.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
            closeQuietly(opening);
            throw new IllegalStateException(kind.id() + ": only " + done + " of " + count + " connections ready within "
                    + timeout.toSeconds() + " s");
        }
        catch (Exception ex) {
            closeQuietly(opening);
            throw new IllegalStateException(kind.id() + ": a connection failed to open: " + ex.getCause(), ex);
        }
        if (opening.size() < count) {
            closeQuietly(opening);
            throw new IllegalStateException(kind.id() + ": opened " + opening.size() + " of " + count + " within "
                    + timeout.toSeconds() + " s");
        }
        return opening.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Closes every connection with a normal close frame and waits (bounded) until the server has closed each one,
     * so that the server has let go of them before anything is measured again.
     */
    void close(List<Channel> channels) throws Exception {
        List<CompletableFuture<Void>> closed = new ArrayList<>(channels.size());
        for (Channel channel : channels) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            channel.closeFuture().addListener(future -> done.complete(null));
            closed.add(done);
            channel.writeAndFlush(new CloseWebSocketFrame(1000, ""));
        }
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            long open = closed.stream().filter(f -> !f.isDone()).count();
            channels.forEach(Channel::close);
            throw new IllegalStateException(open + " connection(s) not closed by the server within "
                    + CLOSE_TIMEOUT.toSeconds() + " s");
        }
    }

    private CompletableFuture<Channel> openOne(SessionKind kind, URI uri) {
        CompletableFuture<Channel> ready = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .subprotocol(kind.subprotocol())
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT.toMillis())
                .build();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HANDSHAKE_TIMEOUT.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config),
                                new SessionReadyHandler(kind, realm, ready));
                    }
                });
        ChannelFuture connect = bootstrap.connect(uri.getHost(), uri.getPort());
        connect.addListener(future -> {
            if (!future.isSuccess()) {
                ready.completeExceptionally(future.cause());
            }
        });
        return ready;
    }

    private static void closeQuietly(List<CompletableFuture<Channel>> opening) {
        for (CompletableFuture<Channel> future : opening) {
            future.thenAccept(Channel::close);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
