package io.wampspring.router;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.Transport;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.router.transport.WriteCallback;

/**
 * An in-memory transport: records every frame handed to it and completes writes inline, unless stalled, in which
 * case the completions are held until {@link #resume}. Closing it tells the connection, as a real adapter would.
 */
public final class TestTransport implements Transport {

    public final List<byte[]> frames = new CopyOnWriteArrayList<>();
    public final AtomicReference<CloseReason> closedWith = new AtomicReference<>();
    public final AtomicInteger closeCount = new AtomicInteger();
    private final Queue<WriteCallback> held = new ConcurrentLinkedQueue<>();
    private final String serializerName;
    private final java.net.@org.jspecify.annotations.Nullable InetSocketAddress remoteAddress;
    private volatile boolean stalled;
    /** The principal the transport's handshake authenticated, as {@link #info()} reports it; set before HELLO. */
    public volatile java.security.@org.jspecify.annotations.Nullable Principal principal;
    private volatile Runnable onClose = () -> { };
    private volatile java.util.function.Consumer<byte[]> onWrite = frame -> { };

    public TestTransport(String serializerName) {
        this(serializerName, null);
    }

    /** A transport whose peer is at {@code remoteAddress}, as a socket would report it. */
    public TestTransport(String serializerName,
            java.net.@org.jspecify.annotations.Nullable InetSocketAddress remoteAddress) {
        this.serializerName = serializerName;
        this.remoteAddress = remoteAddress;
    }

    public void onClose(Runnable callback) {
        this.onClose = callback;
    }

    /**
     * Runs {@code callback} on the writing thread for each frame, as it is written: what the peer would do the moment
     * the frame arrived, before the router's thread has gone on.
     */
    public void onWrite(java.util.function.Consumer<byte[]> callback) {
        this.onWrite = callback;
    }

    /** From now on writes are not completed: the peer has stopped reading. */
    public void stall() {
        stalled = true;
    }

    /** Completes the held writes and every later one inline. */
    public void resume() {
        stalled = false;
        WriteCallback callback;
        while ((callback = held.poll()) != null) {
            callback.completed(null);
        }
    }

    public boolean isClosed() {
        return closedWith.get() != null;
    }

    @Override
    public void write(byte[] frame, WriteCallback callback) {
        frames.add(frame);
        onWrite.accept(frame);
        if (stalled) {
            held.add(callback);
        }
        else {
            callback.completed(null);
        }
    }

    @Override
    public void close(CloseReason reason) {
        closeCount.incrementAndGet();
        if (closedWith.compareAndSet(null, reason)) {
            onClose.run();
        }
    }

    @Override
    public TransportInfo info() {
        return new TransportInfo("test", serializerName, remoteAddress, principal);
    }
}
