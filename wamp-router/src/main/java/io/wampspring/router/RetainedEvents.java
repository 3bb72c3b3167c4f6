package io.wampspring.router;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.match.MatchPolicy;

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

    int size() {
        return byTopic.size();
    }
}
