package io.wampspring.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;

/**
 * The one publisher of {@code pubsub-fanout}, and the bookkeeping of its publications. Publication {@code k} (also
 * its PUBLISH request id) carries {@code [k, payload]} and asks for {@code acknowledge}; it is complete once its
 * PUBLISHED and the EVENTs of all subscribers have arrived, and only then does the window let another one go. So at
 * most {@code window} publications are in flight and no subscriber's send buffer in the router holds more than
 * {@code window} events: the router's slow-consumer policy never comes into play. Latency is per publication, PUBLISH
 * sent to its last awaited frame received.
 *
 * <p>Sends happen under this object's monitor (from whichever thread completed a publication), so PUBLISHes leave in
 * the order of their numbers.
 */
final class FanoutPublisher extends LoadSession {

    private static final Map<String, Object> ACKNOWLEDGE = Map.of("acknowledge", true);

    private final String topic;
    private final String payload;
    private final int subscribers;
    private final int window;
    /** Frames still awaited per publication, in a ring of at least twice the window, indexed by number & mask. */
    private final AtomicIntegerArray awaited;
    private final AtomicLongArray sentAt;
    private final int mask;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicBoolean idle = new AtomicBoolean();
    /** EVENTs received by all subscribers together. */
    final LongAdder events = new LongAdder();
    /** Publications sent so far, which is also the number of the last one; written under this object's monitor. */
    private volatile long sent;

    FanoutPublisher(LoadRun run, String realm, String topic, String payload, int subscribers, int window) {
        super(run, realm, "publisher", "the router ended the publisher's session", "the publisher lost its connection");
        this.topic = topic;
        this.payload = payload;
        this.subscribers = subscribers;
        this.window = window;
        int ring = Integer.highestOneBit(Math.max(1, 2 * window - 1)) << 1;
        this.awaited = new AtomicIntegerArray(ring);
        this.sentAt = new AtomicLongArray(ring);
        this.mask = ring - 1;
    }

    /** Sends publications while the run is sending and the window has room; goes idle once all are complete. */
    synchronized void pump() {
        while (run.sending() && sent - completed.get() < window) {
            long number = sent + 1;
            int slot = (int) (number & mask);
            if (awaited.get(slot) != 0) {
                run.fatal("publication " + (number - mask - 1) + " still incomplete when its slot was needed");
                return;
            }
            awaited.set(slot, subscribers + 1);
            sentAt.set(slot, System.nanoTime());
            sent = number;
            connection.send(Wamp.encode(new Publish(number, ACKNOWLEDGE, topic,
                    Payload.of(List.of(number, payload), null))));
        }
        if (!run.sending() && completed.get() == sent && idle.compareAndSet(false, true)) {
            run.idle();
        }
    }

    /** Publications sent and not complete. */
    long inFlight() {
        return sent - completed.get();
    }

    /** A subscriber received the EVENT of publication {@code number}; false if that is not one in flight. */
    boolean eventArrived(long number) {
        events.increment();
        return arrived(number);
    }

    private boolean arrived(long number) {
        long sentSoFar = sent;
        if (number < 1 || number > sentSoFar || number <= sentSoFar - mask - 1) {
            return false;
        }
        int slot = (int) (number & mask);
        int left = awaited.decrementAndGet(slot);
        if (left < 0) {
            awaited.incrementAndGet(slot);
            return false;
        }
        if (left == 0) {
            run.record(System.nanoTime() - sentAt.get(slot));
            completed.incrementAndGet();
            pump();
        }
        return true;
    }

    @Override
    public void onText(String text) {
        WampMessage message = decode(text);
        if (message == null) {
            return;
        }
        if (message instanceof Published published) {
            if (!arrived(published.request())) {
                run.error("publisher: PUBLISHED for a publication not in flight");
            }
        }
        else if (message instanceof Welcome) {
            ready.complete(null);
        }
        else if (message instanceof ErrorMessage error) {
            run.error("publisher: ERROR " + error.error());
            run.fatal("PUBLISH " + error.request() + " failed: " + error.error());
        }
        else {
            onOther(message);
        }
    }
}
