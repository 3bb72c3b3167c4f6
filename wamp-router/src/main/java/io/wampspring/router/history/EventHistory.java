package io.wampspring.router.history;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.router.Publication;
import io.wampspring.router.PublicationListener;
import io.wampspring.router.SubscriberFilter;
import io.wampspring.router.match.UriTable;
import org.jspecify.annotations.Nullable;

/**
 * The event history of one realm: which publications are kept (the rules, in a {@link UriTable} so each publication
 * finds its rule by best match without a scan), the realm's sequence of stored events, and the {@link EventStore}
 * they go to. The broker tells it of every publication; one whose topic no rule matches, or whose publisher named
 * sessions ({@code eligible}, {@code exclude}: session ids mean nothing to a later reader), is not kept.
 */
public final class EventHistory implements PublicationListener {

    private final String realm;
    private final List<HistoryRule> rules;
    private final UriTable<HistoryRule> table = new UriTable<>();
    private final EventStore store;
    private final AtomicLong sequence;

    public EventHistory(String realm, List<HistoryRule> rules, EventStore store) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.rules = List.copyOf(rules);
        this.store = Objects.requireNonNull(store, "store");
        for (HistoryRule rule : this.rules) {
            table.compute(rule.match(), rule.uri(), (uri, existing) -> {
                if (existing != null) {
                    throw new IllegalArgumentException("realm '" + realm + "' has two event history rules for "
                            + rule.match().wireName() + " '" + uri + "'");
                }
                return rule;
            });
        }
        this.sequence = new AtomicLong(store.lastSequence(realm));
    }

    public String realm() {
        return realm;
    }

    public List<HistoryRule> rules() {
        return rules;
    }

    /** The rule that keeps the publications of {@code topic}, or null if they are not kept. */
    public @Nullable HistoryRule rule(String topic) {
        return table.bestMatch(topic);
    }

    @Override
    public void published(Publication publication) {
        SubscriberFilter filter = publication.filter();
        if (filter.namesSessions()) {
            return;
        }
        HistoryRule rule = table.bestMatch(publication.topic());
        if (rule == null) {
            return;
        }
        store.append(new StoredEvent(realm, sequence.incrementAndGet(), publication.topic(), publication.id(),
                publication.timestamp(), publication.publisherDetails(), publication.payload(),
                filter.eligibleAuthid(), filter.eligibleAuthrole(), filter.excludeAuthid(),
                filter.excludeAuthrole()), rule);
    }

    /** The stored event of a publication, or null. */
    public @Nullable StoredEvent event(long publication) {
        return store.find(realm, publication);
    }

    /** The stored events a query asks for; see {@link EventStore#query}. */
    public List<StoredEvent> events(HistoryQuery query) {
        if (!query.realm().equals(realm)) {
            throw new IllegalArgumentException("a query of realm '" + query.realm() + "' in realm '" + realm + "'");
        }
        return store.query(query);
    }
}
