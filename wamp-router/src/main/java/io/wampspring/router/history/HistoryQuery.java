package io.wampspring.router.history;

import java.time.Instant;
import java.util.Objects;

import io.wampspring.router.match.MatchPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What {@code wamp.subscription.get_events} asks an {@link EventStore} for, every condition already normalized so a
 * store can answer it with one range scan per topic (or one indexed query): the topics of a subscription, an open
 * range of sequence numbers, a closed range of timestamps, and the reader's identity.
 *
 * @param realm the realm whose history is read
 * @param match the subscription's match policy
 * @param uri the subscription's topic or pattern: the events of every topic it matches
 * @param topic only this topic of the pattern (the {@code topic} argument), or null for all
 * @param afterSequence only events with a greater sequence number (0: from the first)
 * @param beforeSequence only events with a smaller sequence number ({@link Long#MAX_VALUE}: to the last)
 * @param from only events at or after this instant, or null
 * @param until only events at or before this instant, or null
 * @param authid the reader's authid, for the events' eligible and exclude lists
 * @param authrole the reader's authrole, likewise
 * @param reverse newest first; otherwise oldest first
 * @param limit the most events to return, taken from the start of that order after every condition; 0 for all
 */
public record HistoryQuery(String realm, MatchPolicy match, String uri, @Nullable String topic, long afterSequence,
        long beforeSequence, @Nullable Instant from, @Nullable Instant until, String authid, String authrole,
        boolean reverse, int limit) {

    public HistoryQuery {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(authid, "authid");
        Objects.requireNonNull(authrole, "authrole");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    /** Every event of the subscription (match, uri) that a reader (authid, authrole) may see, oldest first. */
    public static HistoryQuery all(String realm, MatchPolicy match, String uri, String authid, String authrole) {
        return new HistoryQuery(realm, match, uri, null, 0, Long.MAX_VALUE, null, null, authid, authrole, false, 0);
    }

    /** Whether the events of {@code topic} are asked for. */
    public boolean selects(String topic) {
        return (this.topic == null || this.topic.equals(topic)) && match.matches(uri, topic);
    }

    /** Whether an event of a selected topic meets every condition but the limit (sequence, time, reader). */
    public boolean admits(StoredEvent event) {
        return event.sequence() > afterSequence && event.sequence() < beforeSequence
                && (from == null || !event.timestamp().isBefore(from))
                && (until == null || !event.timestamp().isAfter(until))
                && event.isVisibleTo(authid, authrole);
    }
}
