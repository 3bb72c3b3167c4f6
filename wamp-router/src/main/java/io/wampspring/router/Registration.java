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
public final class Registration implements UriEntry {

    private final long id;
    private final String uri;
    private final MatchPolicy match;
    private final InvokePolicy invoke;
    private final Instant created = Instant.now();
    private final ConcurrentSkipListMap<Long, Callee> callees = new ConcurrentSkipListMap<>();
    private final AtomicLong joins = new AtomicLong();
    /** The callee of a {@code single} registration (there is at most one). */
    private volatile @Nullable Callee only;
    private final AtomicLong roundRobinCursor = new AtomicLong(-1);
    /** Counts changes to {@link #callees}, so that a view of them built before a change is never used after it. */
    private final AtomicLong changes = new AtomicLong();
    /** The callees as an array, for picking one at random; rebuilt on first use after a change. */
    private volatile @Nullable RandomView randomView;

    /** The callees as they were at change number {@code version}. */
    private record RandomView(long version, Callee[] callees) {
    }

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
        if (invoke == InvokePolicy.SINGLE) {
            only = callee;
        }
        changes.incrementAndGet();
        return callee;
    }

    void remove(Callee callee) {
        callees.remove(callee.sequence());
        if (only == callee) {
            only = null;
        }
        changes.incrementAndGet();
    }

    /**
     * The callee the invocation policy picks for the next call, or null when none is left. Callees that are letting
     * go (inactive, not yet removed) are passed over, so the policy continues over the rest: otherwise first or
     * last would pick a leaving callee again and again, and the call fail with no_such_procedure.
     */
    @Nullable Callee select() {
        return switch (invoke) {
            case SINGLE -> {
                // the one callee, without walking the skip list: the common case, on every plain call
                Callee callee = only;
                yield callee != null && callee.isActive() ? callee : null;
            }
            case FIRST -> firstActive(callees.values());
            case LAST -> firstActive(callees.descendingMap().values());
            case ROUNDROBIN -> nextActiveInTurn();
            case RANDOM -> atRandom();
        };
    }

    private static @Nullable Callee firstActive(Iterable<Callee> inOrder) {
        for (Callee callee : inOrder) {
            if (callee.isActive()) {
                return callee;
            }
        }
        return null;
    }

    private @Nullable Callee nextActiveInTurn() {
        for (int turns = callees.size(); turns > 0; turns--) {
            Callee next = nextInTurn();
            if (next == null || next.isActive()) {
                return next;
            }
        }
        // callees joining and leaving meanwhile can use up the turns on leaving ones: an active one still counts
        return firstActive(callees.values());
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
        // the version is read before the callees: a view stored by a slower thread after a change carries an older
        // version and is rebuilt, instead of hiding a new callee or keeping a removed one for good
        long version = changes.get();
        RandomView view = randomView;
        if (view == null || view.version() != version) {
            view = new RandomView(version, callees.values().toArray(new Callee[0]));
            randomView = view;
        }
        Callee[] all = view.callees();
        if (all.length == 0) {
            return null;
        }
        int start = ThreadLocalRandom.current().nextInt(all.length);
        for (int i = 0; i < all.length; i++) {
            Callee callee = all[(start + i) % all.length];
            if (callee.isActive()) {
                return callee;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Registration[" + id + ", " + match.wireName() + " " + uri + ", " + invoke.wireName() + "]";
    }
}
