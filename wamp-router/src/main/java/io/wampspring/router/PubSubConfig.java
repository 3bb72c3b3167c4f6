package io.wampspring.router;

import java.util.List;
import java.util.Objects;

import io.wampspring.router.history.EventStore;
import io.wampspring.router.history.HistoryRule;
import io.wampspring.router.history.InMemoryEventStore;

/**
 * How a realm's broker treats publications.
 *
 * @param publisherDisclosure whether subscribers learn who published ({@code disclose_me})
 * @param history which publications the realm keeps for {@code wamp.subscription.get_events}; none (the feature is
 *                then neither served nor announced) by default
 * @param eventStore where the kept publications go
 */
public record PubSubConfig(Disclosure publisherDisclosure, List<HistoryRule> history, EventStore eventStore) {

    public PubSubConfig {
        Objects.requireNonNull(publisherDisclosure, "publisherDisclosure");
        history = List.copyOf(history);
        Objects.requireNonNull(eventStore, "eventStore");
    }

    /** No event history. */
    public PubSubConfig(Disclosure publisherDisclosure) {
        this(publisherDisclosure, List.of(), new InMemoryEventStore());
    }

    public static PubSubConfig defaults() {
        return new PubSubConfig(Disclosure.ON_REQUEST);
    }

    /** The same settings, keeping the publications {@code rules} select in {@code store}. */
    public PubSubConfig withHistory(List<HistoryRule> rules, EventStore store) {
        return new PubSubConfig(publisherDisclosure, rules, store);
    }
}
