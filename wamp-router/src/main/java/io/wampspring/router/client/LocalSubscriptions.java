package io.wampspring.router.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.wampspring.router.message.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event handlers of a local session. Several handlers of one session on one topic share the router's
 * subscription, each with its own ordered lane, so a slow handler delays only itself and drops (counted) once it is
 * too far behind.
 */
final class LocalSubscriptions {

    private static final Logger logger = LoggerFactory.getLogger(LocalSubscriptions.class);

    private final Executor executor;
    private final int eventBacklog;
    private final ReadWriteLock acknowledging;
    private final ConcurrentHashMap<Long, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final LongAdder droppedEvents = new LongAdder();
    /** Tells the router's observer of each event dropped for a handler that is too far behind. */
    private final Runnable onDrop;
    /**
     * Subscribes and unsubscribes run one after the other: an UNSUBSCRIBE of a subscription's last handler, still in
     * flight, would otherwise end the router's subscription under a handler that a concurrent SUBSCRIBE just added.
     */
    private CompletableFuture<?> membership = CompletableFuture.completedFuture(null);

    LocalSubscriptions(Executor executor, int eventBacklog, ReadWriteLock acknowledging, Runnable onDrop) {
        this.onDrop = onDrop;
        this.executor = executor;
        this.eventBacklog = eventBacklog;
        this.acknowledging = acknowledging;
    }

    long droppedEvents() {
        return droppedEvents.sum();
    }

    /** @param getRetained whether the handler's SUBSCRIBE asks for the retained events */
    Listener newListener(EventHandler handler, boolean getRetained) {
        return new Listener(handler, new OrderedLane(executor, eventBacklog), getRetained);
    }

    /** Runs a subscribe or unsubscribe once the ones before it have completed, whatever their outcome. */
    synchronized <T> CompletableFuture<T> serialized(Supplier<CompletableFuture<T>> change) {
        CompletableFuture<T> next = membership.handle((ignored, failure) -> null).thenCompose(ignored -> change.get());
        membership = next;
        return next;
    }

    /** Called as SUBSCRIBED is received, under the acknowledging lock, before any EVENT of the subscription. */
    void add(long subscription, Listener listener) {
        List<Listener> current = listeners.computeIfAbsent(subscription, id -> new CopyOnWriteArrayList<>());
        // the retained events that follow this SUBSCRIBED are the new handler's: the others had theirs
        current.forEach(Listener::closeRetained);
        current.add(listener);
    }

    /** Removes a handler; true when it was the subscription's last one. */
    boolean remove(long subscription, Listener listener) {
        List<Listener> remaining = listeners.computeIfPresent(subscription, (id, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        });
        return remaining == null;
    }

    /** An EVENT from the router, on the routing thread: hand off to each handler's lane, never block. */
    void deliver(Event event) {
        List<Listener> targets = listeners.get(event.subscription());
        if (targets == null) {
            // a subscription being acknowledged right now: its handler is in place once the lock is free
            acknowledging.readLock().lock();
            try {
                targets = listeners.get(event.subscription());
            }
            finally {
                acknowledging.readLock().unlock();
            }
        }
        if (targets == null) {
            return;
        }
        boolean retained = Boolean.TRUE.equals(event.details().get("retained"));
        for (Listener listener : targets) {
            if (!listener.accepts(retained)) {
                continue;
            }
            if (!listener.lane.submit(() -> listener.handle(event))) {
                droppedEvents.increment();
                listener.droppedEvents.increment();
                onDrop.run();
                if (listener.reportDrop()) {
                    logger.warn("An event handler of subscription {} is {} events behind; dropping events for it",
                            event.subscription(), eventBacklog);
                }
            }
        }
    }

    /** One handler of a subscription and the lane that keeps its events in order. */
    static final class Listener {

        private final EventHandler handler;
        private final OrderedLane lane;
        private final LongAdder droppedEvents = new LongAdder();
        private volatile boolean dropReported;
        /**
         * Whether retained events are still this handler's: from its SUBSCRIBED, if it asked, until its first live
         * event or another handler's SUBSCRIBED on the same subscription. Changed on the routing thread only.
         */
        private volatile boolean retainedOpen;

        private Listener(EventHandler handler, OrderedLane lane, boolean getRetained) {
            this.handler = handler;
            this.lane = lane;
            this.retainedOpen = getRetained;
        }

        /** Whether an event goes to this handler: a live one always, a retained one only while it is its own. */
        private boolean accepts(boolean retained) {
            if (!retained) {
                retainedOpen = false;
                return true;
            }
            return retainedOpen;
        }

        private void closeRetained() {
            retainedOpen = false;
        }

        private void handle(Event event) {
            try {
                handler.onEvent(event);
            }
            catch (Exception ex) {
                logger.error("Event handler failed for subscription {}", event.subscription(), ex);
            }
        }

        /** Events dropped for this handler alone, while it was too far behind. */
        long droppedEvents() {
            return droppedEvents.sum();
        }

        private boolean reportDrop() {
            if (dropReported) {
                return false;
            }
            dropReported = true;
            return true;
        }

        @Override
        public String toString() {
            return "Listener[" + handler + "]";
        }
    }
}
