package io.wampspring.router;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * A topic subscription: immutable, replaced as a whole when its subscribers change, so a PUBLISH iterates a
 * consistent array without a lock.
 *
 * @param match the match policy ({@code exact} for now; {@code prefix} and {@code wildcard} come with pattern-based
 *              subscription)
 */
public record Subscription(long id, String uri, String match, Subscriber[] subscribers) {

    Subscription(long id, String uri, String match, WampPeer first) {
        this(id, uri, match, new Subscriber[] {new Subscriber(first)});
    }

    Subscription withSubscriber(WampPeer peer) {
        if (entryOf(peer) != null) {
            return this;
        }
        Subscriber[] more = Arrays.copyOf(subscribers, subscribers.length + 1);
        more[subscribers.length] = new Subscriber(peer);
        return new Subscription(id, uri, match, more);
    }

    Subscription withoutSubscriber(WampPeer peer) {
        return new Subscription(id, uri, match,
                Arrays.stream(subscribers).filter(entry -> entry.peer != peer).toArray(Subscriber[]::new));
    }

    @Nullable Subscriber entryOf(WampPeer peer) {
        for (Subscriber entry : subscribers) {
            if (entry.peer == peer) {
                return entry;
            }
        }
        return null;
    }

    public int subscriberCount() {
        return subscribers.length;
    }

    /**
     * One session's place in a subscription. It stops being active, under that session's send lock, at the moment
     * UNSUBSCRIBED is queued, so a publisher still iterating an older snapshot cannot queue an EVENT behind it.
     */
    public static final class Subscriber {

        final WampPeer peer;
        volatile boolean active = true;

        Subscriber(WampPeer peer) {
            this.peer = peer;
        }

        public WampPeer peer() {
            return peer;
        }

        boolean isActive() {
            return active;
        }
    }
}
