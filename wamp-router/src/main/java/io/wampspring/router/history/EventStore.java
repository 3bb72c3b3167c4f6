package io.wampspring.router.history;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a realm's event history lives. The default, {@link InMemoryEventStore}, keeps it in the heap; an application
 * plugs in a persistent store (a database table, a log) by implementing this interface. One store may serve several
 * realms: every event and query names its realm.
 *
 * <p><b>Bounds are the store's job.</b> {@link #append} gets the {@link HistoryRule} that selected the event, and the
 * store keeps no more than {@link HistoryRule#limit()} events of the event's topic and none older than
 * {@link HistoryRule#maxAge()}, whatever the publish rate and however many publishers append at once. A store that
 * trims lazily must still never return an event beyond its bounds.
 *
 * <p><b>Queries name topics by the subscription.</b> A {@link HistoryQuery} carries the subscription's match policy
 * and URI rather than a list of topics, so a store can select the topics itself (an index lookup for exact, a range
 * scan for a prefix) and the conditions are normalized into a sequence range and a time range, which an index on
 * (topic, sequence) answers directly.
 *
 * <p><b>Threads.</b> Both methods are called on routing threads: {@link #append} on the publisher's, after its EVENTs
 * went out and before its PUBLISHED, and {@link #query} on the caller's. Implementations are thread-safe and quick;
 * a store that writes to a slow medium should queue its writes (and may then show an event a little later).
 */
public interface EventStore {

    /**
     * Stores an event and enforces the bounds of {@code rule} for the event's topic: afterwards the topic has at most
     * {@code rule.limit()} events (when the limit is not 0) and none older than {@code rule.maxAge()} (when not zero).
     * Events of one topic may arrive slightly out of sequence order when publishers race; the store keeps them in
     * sequence order.
     */
    void append(StoredEvent event, HistoryRule rule);

    /**
     * The events of the topics {@code query} selects that meet all its conditions, in sequence order (newest first
     * when {@link HistoryQuery#reverse()}), at most {@link HistoryQuery#limit()} of them (0: all). Expired events are
     * never returned.
     */
    List<StoredEvent> query(HistoryQuery query);

    /** The stored event of a publication in a realm, or null if there is none (never was, or trimmed since). */
    @Nullable StoredEvent find(String realm, long publication);

    /**
     * The highest sequence number stored for a realm, 0 if none: a realm's history continues numbering after it, so
     * a persistent store's events stay in order across router restarts.
     */
    long lastSequence(String realm);
}
