package io.wampspring.router.history;

import java.time.Duration;
import java.util.Objects;

import io.wampspring.router.match.MatchPolicy;

/**
 * Which publications a realm keeps in its event history, and for how long: every publication whose topic matches
 * {@code uri} under {@code match} (when several rules match a topic, the best one applies, as a call picks its
 * registration: exact, else the longest prefix, else the best wildcard).
 *
 * @param match how {@code uri} is compared with a publication's topic
 * @param uri the topic, or the pattern of topics
 * @param limit the most events kept per topic (the oldest go first); 0 for no bound by count
 * @param maxAge how long an event is kept; {@link Duration#ZERO} for no bound by age
 */
public record HistoryRule(MatchPolicy match, String uri, int limit, Duration maxAge) {

    /** Checks the rule: a URI, no negative bound, and at least one bound, so that no history grows forever. */
    public HistoryRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(maxAge, "maxAge");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("an event history rule needs a topic URI");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("the limit of event history rule '" + uri + "' is negative");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("the max age of event history rule '" + uri + "' is negative");
        }
        if (limit == 0 && maxAge.isZero()) {
            throw new IllegalArgumentException("event history rule '" + uri
                    + "' has no bound: set a limit (events per topic), a max age, or both");
        }
    }

    /** Keeps at most {@code limit} events per topic. */
    public static HistoryRule ofLimit(MatchPolicy match, String uri, int limit) {
        return new HistoryRule(match, uri, limit, Duration.ZERO);
    }

    /** Whether events expire: the rule has a max age. */
    public boolean expires() {
        return !maxAge.isZero();
    }
}
