package io.wampspring.router.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.router.transport.OutboundQueue.Offer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboundQueueTest {

    private final ExecutorService completer = Executors.newSingleThreadExecutor();
    private final FakeTransport transport = new FakeTransport(completer);

    @AfterEach
    void stopCompleter() throws InterruptedException {
        completer.shutdownNow();
        assertThat(completer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void framesAreWrittenInOfferOrderWhenWritesCompleteInline() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        for (int i = 0; i < 1000; i++) {
            assertThat(queue.offer(frame(i, 8))).isEqualTo(Offer.ACCEPTED);
        }
        assertThat(transport.sequence()).isEqualTo(range(1000));
        assertThat(transport.maxInFlight.get()).isEqualTo(1);
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void oneHundredThousandQueuedFramesCompletingInlineDoNotRecurse() {
        OutboundQueue queue = new OutboundQueue(transport, Long.MAX_VALUE);
        transport.mode = Mode.HOLD;
        for (int i = 0; i < 100_000; i++) {
            assertThat(queue.offer(frame(i, 4))).isEqualTo(Offer.ACCEPTED);
        }
        assertThat(transport.written).hasSize(1);
        assertThat(queue.queuedBytes()).isEqualTo(99_999L * 4);

        // from now on every write completes before write() returns; a recursive drain would overflow the stack
        transport.mode = Mode.INLINE;
        transport.completeNext(null);

        assertThat(transport.written).hasSize(100_000);
        assertThat(transport.sequence()).isEqualTo(range(100_000));
        assertThat(transport.maxInFlight.get()).isEqualTo(1);
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void aBacklogExistsOnlyWhileFramesWaitBehindTheOneInFlight() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        queue.offer(frame(0, 8));
        assertThat(queue.holdsBacklog()).as("a frame written at once needs no backlog").isFalse();

        transport.mode = Mode.HOLD;
        queue.offer(frame(1, 8));
        assertThat(queue.holdsBacklog()).as("the frame in flight waits in no backlog").isFalse();
        queue.offer(frame(2, 8));
        queue.offer(frame(3, 8));
        assertThat(queue.holdsBacklog()).isTrue();
        assertThat(queue.queuedBytes()).isEqualTo(16);

        transport.completeNext(null);
        assertThat(queue.holdsBacklog()).as("one frame still waits").isTrue();
        transport.completeNext(null);
        assertThat(queue.holdsBacklog()).as("the last waiting frame is in flight: the backlog is dropped").isFalse();
        transport.completeNext(null);
        assertThat(transport.sequence()).isEqualTo(range(4));
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void oneHundredThousandOffersEachCompletingInline() {
        OutboundQueue queue = new OutboundQueue(transport, 64);
        for (int i = 0; i < 100_000; i++) {
            assertThat(queue.offer(frame(i, 4))).isEqualTo(Offer.ACCEPTED);
        }
        assertThat(transport.written).hasSize(100_000);
        assertThat(transport.sequence()).isEqualTo(range(100_000));
    }

    @Test
    void completionsOnAnotherThreadKeepOrderAndOneWriteInFlight() {
        OutboundQueue queue = new OutboundQueue(transport, Long.MAX_VALUE);
        transport.mode = Mode.ASYNC;
        for (int i = 0; i < 20_000; i++) {
            assertThat(queue.offer(frame(i, 8))).isEqualTo(Offer.ACCEPTED);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> transport.written.size() == 20_000);
        assertThat(transport.sequence()).isEqualTo(range(20_000));
        assertThat(transport.maxInFlight.get()).isEqualTo(1);
        await().until(() -> queue.queuedBytes() == 0 && transport.inFlight.get() == 0);
    }

    @Test
    void mixedInlineAndLaterCompletionsFromSeveralOfferingThreads() throws Exception {
        OutboundQueue queue = new OutboundQueue(transport, Long.MAX_VALUE);
        transport.mode = Mode.RANDOM;
        int threads = 4;
        int perThread = 5_000;
        ExecutorService offerers = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Offer> results = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                offerers.execute(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        results.add(queue.offer(frame(thread * 1_000_000 + i, 8)));
                    }
                });
            }
            start.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> transport.written.size() == threads * perThread);
        }
        finally {
            offerers.shutdownNow();
        }
        assertThat(results).hasSize(threads * perThread).containsOnly(Offer.ACCEPTED);
        assertThat(transport.maxInFlight.get()).isEqualTo(1);
        // each offering thread's frames come out in the order that thread offered them
        Map<Integer, Integer> lastByThread = new HashMap<>();
        for (int value : transport.sequence()) {
            int thread = value / 1_000_000;
            int index = value % 1_000_000;
            Integer last = lastByThread.put(thread, index);
            assertThat(index).isEqualTo(last == null ? 0 : last + 1);
        }
        assertThat(lastByThread).hasSize(threads).allSatisfy((thread, last) -> assertThat(last).isEqualTo(perThread - 1));
    }

    @Test
    void fullWhenTheBytesWaitingBehindTheFrameInFlightWouldExceedTheBound() {
        OutboundQueue queue = new OutboundQueue(transport, 100);
        transport.mode = Mode.HOLD;

        assertThat(queue.offer(frame(0, 50))).isEqualTo(Offer.ACCEPTED);   // in flight, not counted
        assertThat(queue.queuedBytes()).isZero();
        assertThat(queue.offer(frame(1, 60))).isEqualTo(Offer.ACCEPTED);   // waiting: 60
        assertThat(queue.offer(frame(2, 50))).isEqualTo(Offer.FULL);       // 110 > 100
        assertThat(queue.offer(frame(3, 40))).isEqualTo(Offer.ACCEPTED);   // exactly 100
        assertThat(queue.offer(frame(4, 4))).isEqualTo(Offer.FULL);
        assertThat(queue.queuedBytes()).isEqualTo(100);

        transport.completeNext(null);                                      // frame 1 goes in flight
        assertThat(queue.queuedBytes()).isEqualTo(40);
        assertThat(queue.offer(frame(5, 60))).isEqualTo(Offer.ACCEPTED);
        assertThat(queue.offer(frame(6, 4))).isEqualTo(Offer.FULL);

        transport.mode = Mode.INLINE;
        transport.completeNext(null);
        assertThat(transport.sequence()).containsExactly(0, 1, 3, 5);
        assertThat(queue.queuedBytes()).isZero();
        assertThat(transport.closedWith.get()).isNull();
    }

    @Test
    void aSingleOversizedFrameIsAcceptedWhenTheQueueIsIdle() {
        OutboundQueue queue = new OutboundQueue(transport, 10);
        transport.mode = Mode.HOLD;

        assertThat(queue.offer(frame(0, 1000))).isEqualTo(Offer.ACCEPTED);
        assertThat(transport.written).hasSize(1);
        assertThat(queue.offer(frame(1, 5))).isEqualTo(Offer.ACCEPTED);
        assertThat(queue.offer(frame(2, 6))).isEqualTo(Offer.FULL);
    }

    @Test
    void aSingleOversizedFrameIsAcceptedWhenNothingWaitsBehindTheFrameInFlight() {
        OutboundQueue queue = new OutboundQueue(transport, 10);
        transport.mode = Mode.HOLD;
        assertThat(queue.offer(frame(0, 4))).isEqualTo(Offer.ACCEPTED);    // in flight

        // the bound counts only what waits behind the frame in flight, and nothing does
        assertThat(queue.offer(frame(1, 1000))).isEqualTo(Offer.ACCEPTED);
        assertThat(queue.offer(frame(2, 4))).isEqualTo(Offer.FULL);

        transport.mode = Mode.INLINE;
        transport.completeNext(null);
        assertThat(transport.sequence()).containsExactly(0, 1);
    }

    @Test
    void closeAfterFlushClosesOnlyAfterTheLastWriteCompletes() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        transport.mode = Mode.HOLD;
        queue.offer(frame(0, 8));
        queue.offer(frame(1, 8));
        queue.offer(frame(2, 8));

        queue.closeAfterFlush(CloseReason.PROTOCOL_ERROR);

        assertThat(queue.isClosing()).isTrue();
        assertThat(queue.offer(frame(3, 8))).isEqualTo(Offer.CLOSED);
        assertThat(transport.closedWith.get()).isNull();
        transport.completeNext(null);
        assertThat(transport.closedWith.get()).isNull();
        transport.completeNext(null);
        assertThat(transport.closedWith.get()).isNull();
        assertThat(transport.sequence()).containsExactly(0, 1, 2);
        transport.completeNext(null);

        assertThat(transport.closedWith.get()).isEqualTo(CloseReason.PROTOCOL_ERROR);
        assertThat(transport.closeCount.get()).isEqualTo(1);
        assertThat(transport.sequence()).containsExactly(0, 1, 2);
    }

    @Test
    void closeAfterFlushWithLaterCompletionsOnAnotherThread() {
        OutboundQueue queue = new OutboundQueue(transport, Long.MAX_VALUE);
        transport.mode = Mode.ASYNC;
        for (int i = 0; i < 1000; i++) {
            queue.offer(frame(i, 8));
        }
        queue.closeAfterFlush(CloseReason.NORMAL);

        await().until(() -> transport.closedWith.get() != null);
        assertThat(transport.sequence()).isEqualTo(range(1000));
        assertThat(transport.closedAfterWrites.get()).isEqualTo(1000);
        assertThat(transport.closeCount.get()).isEqualTo(1);
    }

    @Test
    void closeAfterFlushOnAnIdleQueueClosesAtOnceAndOnlyOnce() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        queue.offer(frame(0, 8));

        queue.closeAfterFlush(CloseReason.NORMAL);
        queue.closeAfterFlush(CloseReason.SHUTDOWN);
        queue.closeNow(CloseReason.SLOW_CONSUMER);

        assertThat(transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        assertThat(transport.closeCount.get()).isEqualTo(1);
        assertThat(queue.offer(frame(1, 8))).isEqualTo(Offer.CLOSED);
    }

    @Test
    void closeNowDropsTheBacklog() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        transport.mode = Mode.HOLD;
        queue.offer(frame(0, 8));
        queue.offer(frame(1, 8));
        queue.offer(frame(2, 8));
        assertThat(queue.queuedBytes()).isEqualTo(16);

        queue.closeNow(CloseReason.SLOW_CONSUMER);

        assertThat(transport.closedWith.get()).isEqualTo(CloseReason.SLOW_CONSUMER);
        assertThat(queue.queuedBytes()).isZero();
        assertThat(queue.offer(frame(3, 8))).isEqualTo(Offer.CLOSED);
        transport.mode = Mode.INLINE;
        transport.completeNext(null);   // the frame that was in flight completes late
        assertThat(transport.sequence()).containsExactly(0);
        queue.closeNow(CloseReason.NORMAL);
        queue.closeAfterFlush(CloseReason.NORMAL);
        assertThat(transport.closeCount.get()).isEqualTo(1);
    }

    @Test
    void closeNowOverridesAPendingCloseAfterFlushAndClosesOnce() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        transport.mode = Mode.HOLD;
        queue.offer(frame(0, 8));
        queue.offer(frame(1, 8));
        queue.closeAfterFlush(CloseReason.NORMAL);

        queue.closeNow(CloseReason.SHUTDOWN);
        transport.completeNext(null);

        assertThat(transport.closedWith.get()).isEqualTo(CloseReason.SHUTDOWN);
        assertThat(transport.closeCount.get()).isEqualTo(1);
        assertThat(transport.sequence()).containsExactly(0);
    }

    @Test
    void aFailedWriteClosesTheConnectionAndDropsTheRest() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        transport.mode = Mode.HOLD;
        queue.offer(frame(0, 8));
        queue.offer(frame(1, 8));

        transport.completeNext(new IOException("connection reset"));

        assertThat(transport.closedWith.get()).isNotNull();
        assertThat(transport.sequence()).containsExactly(0);
        assertThat(queue.offer(frame(2, 8))).isEqualTo(Offer.CLOSED);
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void aWriteThatThrowsClosesTheConnectionWithoutReachingTheOfferer() {
        OutboundQueue queue = new OutboundQueue(transport, 1024);
        transport.mode = Mode.THROW;

        assertThat(queue.offer(frame(0, 8))).isEqualTo(Offer.ACCEPTED);

        assertThat(transport.closedWith.get()).isNotNull();
        assertThat(queue.offer(frame(1, 8))).isEqualTo(Offer.CLOSED);
        assertThat(transport.closeCount.get()).isEqualTo(1);
    }

    /**
     * Tomcat refuses to write from an interrupted thread and fails the connection: a frame offered by a thread whose
     * interrupt flag is set (a procedure's thread the router interrupted on cancel, a Reactor worker, code that
     * re-asserted an interrupt) is written without the flag, and the thread gets its flag back.
     */
    @Test
    void aThreadsInterruptDoesNotReachTheWrite() {
        List<Boolean> interruptedAtWrite = new ArrayList<>();
        Transport refusesInterrupted = new Transport() {
            @Override
            public void write(byte[] frame, WriteCallback callback) {
                interruptedAtWrite.add(Thread.currentThread().isInterrupted());
                callback.completed(null);
            }

            @Override
            public void close(CloseReason reason) {
            }

            @Override
            public TransportInfo info() {
                return TransportInfo.local();
            }
        };
        OutboundQueue queue = new OutboundQueue(refusesInterrupted, 1024);

        Thread.currentThread().interrupt();
        try {
            assertThat(queue.offer(frame(1, 8))).isEqualTo(Offer.ACCEPTED);
            assertThat(queue.offer(() -> frame(2, 8))).isEqualTo(Offer.ACCEPTED);
            assertThat(Thread.currentThread().isInterrupted()).as("flag given back").isTrue();
        }
        finally {
            Thread.interrupted();
        }
        assertThat(interruptedAtWrite).containsExactly(false, false);
    }

    private static byte[] frame(int sequence, int size) {
        // the first four bytes carry the sequence number, so a frame is never shorter than that
        byte[] frame = new byte[Math.max(size, 4)];
        ByteBuffer.wrap(frame).putInt(sequence);
        return frame;
    }

    private static List<Integer> range(int count) {
        List<Integer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(i);
        }
        return list;
    }

    enum Mode { INLINE, HOLD, ASYNC, RANDOM, THROW }

    /** A transport double: records writes and completes them inline, later on another thread, or on demand. */
    static final class FakeTransport implements Transport {

        final List<byte[]> written = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final BlockingDeque<WriteCallback> held = new LinkedBlockingDeque<>();
        final AtomicReference<CloseReason> closedWith = new AtomicReference<>();
        final AtomicInteger closeCount = new AtomicInteger();
        final AtomicInteger closedAfterWrites = new AtomicInteger(-1);
        private final ExecutorService completer;
        volatile Mode mode = Mode.INLINE;

        FakeTransport(ExecutorService completer) {
            this.completer = completer;
        }

        @Override
        public void write(byte[] frame, WriteCallback callback) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            Mode current = mode;
            if (current == Mode.THROW) {
                inFlight.decrementAndGet();
                throw new IllegalStateException("socket gone");
            }
            written.add(frame);
            WriteCallback done = failure -> {
                inFlight.decrementAndGet();
                callback.completed(failure);
            };
            switch (current) {
                case INLINE -> done.completed(null);
                case HOLD -> held.add(done);
                case ASYNC -> completer.execute(() -> done.completed(null));
                case RANDOM -> {
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        done.completed(null);
                    }
                    else {
                        completer.execute(() -> done.completed(null));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        void completeNext(Throwable failure) {
            WriteCallback callback = held.poll();
            assertThat(callback).as("a write in flight").isNotNull();
            callback.completed(failure);
        }

        @Override
        public void close(CloseReason reason) {
            closeCount.incrementAndGet();
            closedWith.compareAndSet(null, reason);
            closedAfterWrites.compareAndSet(-1, written.size() - inFlight.get());
        }

        @Override
        public TransportInfo info() {
            return new TransportInfo("test", "none", null, null);
        }

        List<Integer> sequence() {
            synchronized (written) {
                return written.stream().map(frame -> ByteBuffer.wrap(frame).getInt()).toList();
            }
        }
    }
}
