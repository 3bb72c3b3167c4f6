package io.wampspring.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Event;
import org.jspecify.annotations.Nullable;

/** The last publication with {@code retain: true} of each topic (event retention). */
final class RetainedEvents {

    private final ConcurrentHashMap<String, Publication> byTopic = new ConcurrentHashMap<>();

    void retain(Publication publication) {
        byTopic.put(publication.topic(), publication);
    }

    /** The retained publications of every topic the subscription (policy, uri) matches. */
    List<Publication> matching(MatchPolicy policy, String uri) {
        if (policy == MatchPolicy.EXACT) {
            Publication retained = byTopic.get(uri);
            return retained == null ? List.of() : List.of(retained);
        }
        List<Publication> matching = new ArrayList<>();
        for (Publication retained : byTopic.values()) {
            if (policy.matches(uri, retained.topic())) {
                matching.add(retained);
            }
        }
        return matching;
    }

    /**
     * The retained events a new subscriber may receive, marked {@code retained}. The subscriber remembers their
     * publication ids: a publication retained and routed at this very moment reaches it once, not twice.
     */
    List<Event> eventsFor(WampPeer peer, Subscription subscription, Subscription.@Nullable Subscriber subscriber) {
        List<Event> events = new ArrayList<>();
        for (Publication publication : matching(subscription.match(), subscription.uri())) {
            if (publication.reaches(peer.sessionId(), peer.identity())) {
                Map<String, Object> details = new LinkedHashMap<>(publication.detailsFor(subscription));
                details.put("retained", true);
                events.add(new Event(subscription.id(), publication.id(), details, publication.payload()));
                if (subscriber != null) {
                    subscriber.sentRetained(publication.id());
                }
            }
        }
        return events;
    }

    int size() {
        return byTopic.size();
    }
}
