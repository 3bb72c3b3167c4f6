package io.wampspring.router;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A procedure registration: a URI under a match policy, and its callees in registration order (more than one only for
 * shared registrations). Callees join and leave in O(log n), without copying the others; a CALL picks one without a
 * lock.
 */
public final class Registration {

    private final long id;
    private final String uri;
    private final MatchPolicy match;
    private final InvokePolicy invoke;
    private final Instant created = Instant.now();
    private final ConcurrentSkipListMap<Long, Callee> callees = new ConcurrentSkipListMap<>();
    private final AtomicLong joins = new AtomicLong();
    private final AtomicLong roundRobinCursor = new AtomicLong(-1);
    /** The callees as an array, for picking one at random; rebuilt on first use after a change. */
    private volatile Callee @Nullable [] randomView;

    Registration(long id, String uri, MatchPolicy match, InvokePolicy invoke) {
        this.id = id;
        this.uri = uri;
        this.match = match;
        this.invoke = invoke;
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

    public InvokePolicy invoke() {
        return invoke;
    }

    public Instant created() {
        return created;
    }

    /** The callees in registration order. */
    public List<Callee> callees() {
        return List.copyOf(callees.values());
    }

    public int calleeCount() {
        return callees.size();
    }

    boolean isEmpty() {
        return callees.isEmpty();
    }

    Callee add(WampPeer peer, boolean discloseCaller) {
        Callee callee = new Callee(this, peer, joins.incrementAndGet(), discloseCaller);
        callees.put(callee.sequence(), callee);
        randomView = null;
        return callee;
    }

    void remove(Callee callee) {
        callees.remove(callee.sequence());
        randomView = null;
    }

    boolean hasCallee(long sessionId) {
        return callees.values().stream().anyMatch(callee -> callee.sessionId() == sessionId);
    }

    /** The callee the invocation policy picks for the next call, or null when none is left. */
    @Nullable Callee select() {
        return switch (invoke) {
            case SINGLE, FIRST -> value(callees.firstEntry());
            case LAST -> value(callees.lastEntry());
            case ROUNDROBIN -> nextInTurn();
            case RANDOM -> atRandom();
        };
    }

    private @Nullable Callee nextInTurn() {
        while (true) {
            long cursor = roundRobinCursor.get();
            Map.Entry<Long, Callee> next = callees.higherEntry(cursor);
            if (next == null) {
                next = callees.firstEntry();
            }
            if (next == null) {
                return null;
            }
            if (roundRobinCursor.compareAndSet(cursor, next.getKey())) {
                return next.getValue();
            }
        }
    }

    private @Nullable Callee atRandom() {
        Callee[] view = randomView;
        if (view == null) {
            view = callees.values().toArray(new Callee[0]);
            randomView = view;
        }
        return view.length == 0 ? null : view[ThreadLocalRandom.current().nextInt(view.length)];
    }

    private static @Nullable Callee value(Map.@Nullable Entry<Long, Callee> entry) {
        return entry != null ? entry.getValue() : null;
    }

    @Override
    public String toString() {
        return "Registration[" + id + ", " + match.wireName() + " " + uri + ", " + invoke.wireName() + "]";
    }
}
