package io.wampspring.router;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A topic subscription: a URI under a match policy, and its subscribers. Subscribers join and leave in O(1), without
 * copying the others, so a topic with 10,000 subscribers takes its 10,001st as fast as its first; a PUBLISH iterates
 * them without a lock.
 */
public final class Subscription implements UriEntry {

    private final long id;
    private final String uri;
    private final MatchPolicy match;
    private final Instant created = Instant.now();
    private final ConcurrentHashMap<Long, Subscriber> subscribers = new ConcurrentHashMap<>();

    Subscription(long id, String uri, MatchPolicy match) {
        this.id = id;
        this.uri = uri;
        this.match = match;
    }

    public long id() {
        return id;
    }

    public String uri() {
        return uri;
    }

    public MatchPolicy match() {
        return match;
    }

    public Instant created() {
        return created;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** The subscribers, weakly consistent like any iteration of a concurrent map. */
    public Collection<Subscriber> subscribers() {
        return subscribers.values();
    }

    Subscriber add(WampPeer peer) {
        Subscriber subscriber = new Subscriber(this, peer);
        subscribers.put(peer.sessionId(), subscriber);
        return subscriber;
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber.peer.sessionId(), subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    private enum Announcement { NEW, ANNOUNCED, GONE }

    /**
     * One session's place in a subscription. It becomes active, under that session's send lock, at the moment
     * SUBSCRIBED is queued, so no EVENT overtakes it; it stops being active, under the same lock, at the moment
     * UNSUBSCRIBED is queued, so a publisher still iterating cannot queue an EVENT behind it.
     */
    public static final class Subscriber {

        private final Subscription subscription;
        final WampPeer peer;
        private volatile boolean active;
        /** Set and read under the peer's send lock (sendAllAfter, sendIf); concurrent for readers that share it. */
        private volatile @Nullable Set<Long> retainedSent;
        private Announcement announcement = Announcement.NEW;

        Subscriber(Subscription subscription, WampPeer peer) {
            this.subscription = subscription;
            this.peer = peer;
        }

        public WampPeer peer() {
            return peer;
        }

        Subscription subscription() {
            return subscription;
        }

        boolean isActive() {
            return active;
        }

        void activate() {
            active = true;
        }

        void deactivate() {
            active = false;
        }

        /** Tells the listeners of the subscriber's arrival, once, unless it is already gone. */
        synchronized void announce(Runnable arrival) {
            if (announcement == Announcement.NEW) {
                announcement = Announcement.ANNOUNCED;
                arrival.run();
            }
        }

        /**
         * Marks the subscriber gone and tells the listeners of its departure, only if its arrival was told: a
         * session that leaves while its SUBSCRIBE is handled makes no meta events at all, rather than a departure
         * without an arrival.
         */
        synchronized void retire(Runnable departure) {
            Announcement was = announcement;
            announcement = Announcement.GONE;
            if (was == Announcement.ANNOUNCED) {
                departure.run();
            }
        }

        /** Remembers a retained event sent on subscribing, so that its live twin, routed meanwhile, is not sent. */
        void sentRetained(long publication) {
            Set<Long> sent = retainedSent;
            if (sent == null) {
                sent = ConcurrentHashMap.newKeySet();
                retainedSent = sent;
            }
            sent.add(publication);
        }

        /** False, once, for a publication already sent as a retained event. */
        boolean isNew(long publication) {
            Set<Long> sent = retainedSent;
            return sent == null || !sent.remove(publication);
        }
    }
}
