package io.wampspring.router.auth;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.wampspring.router.match.MatchPolicy;

/**
 * Remembers another authorizer's decisions (a dynamic one that asks a database or a service), so that the hot path
 * stays one hash lookup. Bounded both ways: at most {@code maxEntries} decisions, each for at most
 * {@code timeToLive}, after which the delegate is asked again.
 *
 * <p>A decision is keyed by (authrole, authid, action, URI): a delegate may decide per user. It must not depend on
 * anything else of the session (authmethod, authprovider, authextra, the session id), or a session would get
 * another session's decision. Lookups take no lock; a miss asks the delegate outside any lock (two sessions missing
 * the same key at once may both ask it), then stores the decision under a lock, evicting the oldest first, so the
 * cache never holds more than {@code maxEntries}.
 */
public final class CachingAuthorizer implements Authorizer {

    private final Authorizer delegate;
    private final int maxEntries;
    private final long timeToLiveNanos;
    private final LongSupplier nanoClock;
    /** What lookups read; changed only under {@link #order}'s monitor, together with it. */
    private final ConcurrentHashMap<Key, Cached> entries = new ConcurrentHashMap<>();
    /** The same entries in the order they were stored (and so expire): the oldest is evicted first. */
    private final LinkedHashMap<Key, Cached> order = new LinkedHashMap<>();

    public CachingAuthorizer(Authorizer delegate, int maxEntries, Duration timeToLive) {
        this(delegate, maxEntries, timeToLive, System::nanoTime);
    }

    /** With a clock of our own ({@link System#nanoTime} by default), so that expiry can be tested without waiting. */
    public CachingAuthorizer(Authorizer delegate, int maxEntries, Duration timeToLive, LongSupplier nanoClock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
        }
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive, not " + timeToLive);
        }
        this.maxEntries = maxEntries;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The cache key: what a cached decision may depend on. */
    record Key(String authrole, String authid, Action action, String uri) {
    }

    private record Cached(Authorization decision, long expiresAt) {
    }

    @Override
    public boolean isAuthorized(AuthIdentity identity, Action action, String uri) {
        return authorize(identity, action, uri).allowed();
    }

    /** Pattern registrations and subscriptions are rare and not on the hot path: always the delegate's answer. */
    @Override
    public boolean isAuthorized(AuthIdentity identity, Action action, String pattern, MatchPolicy match) {
        return delegate.isAuthorized(identity, action, pattern, match);
    }

    @Override
    public Authorization authorize(AuthIdentity identity, Action action, String uri) {
        Key key = new Key(identity.authrole(), identity.authid(), action, uri);
        long now = nanoClock.getAsLong();
        Cached entry = entries.get(key);
        if (entry != null && now - entry.expiresAt < 0) {
            return entry.decision;
        }
        Authorization decision = Objects.requireNonNull(delegate.authorize(identity, action, uri),
                "the delegate authorizer answered null");
        store(key, new Cached(decision, now + timeToLiveNanos), now);
        return decision;
    }

    private void store(Key key, Cached entry, long now) {
        synchronized (order) {
            order.remove(key); // a renewed decision is the newest
            Iterator<Map.Entry<Key, Cached>> oldest = order.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<Key, Cached> next = oldest.next();
                // expired ones go first; then the oldest, until there is room for one more
                if (now - next.getValue().expiresAt < 0 && order.size() < maxEntries) {
                    break;
                }
                oldest.remove();
                entries.remove(next.getKey());
            }
            order.put(key, entry);
            entries.put(key, entry);
        }
    }

    /** Decisions held now: never more than the maximum. */
    public int size() {
        return entries.size();
    }

    public int maxEntries() {
        return maxEntries;
    }

    public Duration timeToLive() {
        return Duration.ofNanos(timeToLiveNanos);
    }
}
