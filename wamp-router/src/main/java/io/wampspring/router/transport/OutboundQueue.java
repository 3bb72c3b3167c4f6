package io.wampspring.router.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The bounded send buffer of one connection. Any thread may offer frames; they are written in offer order, one at a
 * time, by whichever thread completes the previous write, so no thread is ever parked on a slow peer. The bound
 * counts the bytes waiting behind the frame in flight; a single frame larger than the bound is still accepted when
 * nothing else waits, so the largest allowed message can always be sent. An idle connection holds no buffer at all:
 * the deque of waiting frames exists only while frames wait.
 */
public final class OutboundQueue {

    /** What became of an offered frame. */
    public enum Offer { ACCEPTED, FULL, CLOSED }

    /** Initial room of a backlog: most bursts are a few frames deep. */
    private static final int BACKLOG_CAPACITY = 8;

    private final Transport transport;
    private final long limitBytes;
    /** The next frame to write, handed from the thread that offered it to the one that starts writing. */
    private byte @Nullable [] next;
    /** Frames waiting behind {@link #next} or the one in flight: allocated when one has to wait, dropped when empty. */
    private @Nullable ArrayDeque<byte[]> backlog;
    private long queuedBytes;
    private boolean writing;
    private boolean closing;
    private boolean closed;
    private CloseReason closeReason = CloseReason.NORMAL;

    public OutboundQueue(Transport transport, long limitBytes) {
        this.transport = transport;
        this.limitBytes = limitBytes;
    }

    public Offer offer(byte[] frame) {
        Offer refused;
        synchronized (this) {
            refused = enqueue(frame);
        }
        return started(refused);
    }

    /**
     * Offers the frame {@code producer} makes, making it under the queue's lock: a frame that another thread offers
     * because of what the producer changed waits for the lock, and so lands behind this one. A producer that
     * returns null sends nothing.
     */
    public Offer offer(Supplier<byte @Nullable []> producer) {
        Offer refused;
        synchronized (this) {
            byte[] frame = producer.get();
            if (frame == null) {
                return Offer.ACCEPTED;
            }
            refused = enqueue(frame);
        }
        return started(refused);
    }

    /**
     * Offers the frames {@code producer} makes, made and queued under the queue's lock as for
     * {@link #offer(Supplier)}: nothing another thread offers lands between them. One outcome per frame.
     */
    public List<Offer> offerAll(Supplier<List<byte[]>> producer) {
        List<Offer> offers;
        boolean start = false;
        synchronized (this) {
            List<byte[]> frames = producer.get();
            offers = new ArrayList<>(frames.size());
            for (byte[] frame : frames) {
                Offer refused = enqueue(frame);
                start |= refused == null;
                offers.add(refused == null ? Offer.ACCEPTED : refused);
            }
        }
        if (start) {
            drain();
        }
        return offers;
    }

    /** Queues a frame, the lock held; null when it was queued and this thread must start writing. */
    private @Nullable Offer enqueue(byte[] frame) {
        if (closing) {
            return Offer.CLOSED;
        }
        // only what waits behind the frame in flight counts: a lone frame is taken whatever its size
        if (hasWaiting() && queuedBytes + frame.length > limitBytes) {
            return Offer.FULL;
        }
        queuedBytes += frame.length;
        if (writing) {
            if (backlog == null) {
                backlog = new ArrayDeque<>(BACKLOG_CAPACITY);
            }
            backlog.add(frame);
            return Offer.ACCEPTED;
        }
        next = frame;
        writing = true;
        return null;
    }

    private boolean hasWaiting() {
        return next != null || backlog != null;
    }

    /** The next frame to write, the lock held; null when none waits. */
    private byte @Nullable [] poll() {
        byte[] frame = next;
        if (frame != null) {
            next = null;
            return frame;
        }
        if (backlog == null) {
            return null;
        }
        frame = backlog.poll();
        if (backlog.isEmpty()) {
            // a burst is over: the connection goes back to holding no buffer (a deque never shrinks by itself)
            backlog = null;
        }
        return frame;
    }

    private Offer started(@Nullable Offer refused) {
        if (refused != null) {
            return refused;
        }
        drain();
        return Offer.ACCEPTED;
    }

    /** Closes the connection once every frame offered so far is written. */
    public void closeAfterFlush(CloseReason reason) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            closeReason = reason;
            if (writing) {
                return;
            }
            closed = true;
        }
        transport.close(reason);
    }

    /** Drops whatever is queued and closes the connection now. */
    public void closeNow(CloseReason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closing = true;
            closed = true;
            next = null;
            backlog = null;
            queuedBytes = 0;
        }
        transport.close(reason);
    }

    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** Whether frames wait in a backlog (allocated only then): for tests. */
    synchronized boolean holdsBacklog() {
        return backlog != null;
    }

    public synchronized boolean isClosing() {
        return closing;
    }

    private void drain() {
        while (true) {
            byte[] frame;
            boolean closeNow = false;
            synchronized (this) {
                frame = closed ? null : poll();
                if (frame == null) {
                    writing = false;
                    if (closing && !closed) {
                        closed = true;
                        closeNow = true;
                    }
                }
                else {
                    queuedBytes -= frame.length;
                }
            }
            if (frame == null) {
                if (closeNow) {
                    transport.close(closeReason);
                }
                return;
            }
            WriteAttempt attempt = new WriteAttempt();
            // The draining thread may be an application's (a procedure sending progress, a Reactor worker its
            // publisher interrupts on cancel, code that re-asserted an interrupt and then publishes): Tomcat refuses
            // to write from an interrupted thread and fails the connection, a peer's that has nothing to do with the
            // interrupt. The write does not see the flag; the thread gets it back afterwards.
            boolean interrupted = Thread.interrupted();
            try {
                transport.write(frame, attempt);
            }
            catch (RuntimeException ex) {
                attempt.completed(ex);
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!attempt.finishedInline()) {
                return;
            }
        }
    }

    /**
     * Tracks whether a write completed before {@code write} returned: then the draining thread goes on in its loop;
     * otherwise the completing thread takes over. This keeps synchronous completions from recursing.
     */
    private final class WriteAttempt implements WriteCallback {

        private static final int PENDING = 0;
        private static final int RETURNED = 1;
        private static final int DONE_INLINE = 2;

        private final AtomicInteger state = new AtomicInteger(PENDING);

        @Override
        public void completed(@Nullable Throwable failure) {
            if (failure != null) {
                closeNow(CloseReason.NORMAL);
            }
            if (!state.compareAndSet(PENDING, DONE_INLINE)) {
                drain();
            }
        }

        boolean finishedInline() {
            return !state.compareAndSet(PENDING, RETURNED);
        }
    }
}
