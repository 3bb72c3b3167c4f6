package io.wampspring.router;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;

/**
 * One routed publication, as the broker keeps it for retention and hands it to {@link PublicationListener}s.
 *
 * @param topic the topic it was published to
 * @param id the publication id, the same in every EVENT
 * @param publisher the publisher's session id
 * @param publisherIdentity who the publisher is, disclosed or not
 * @param excludeMe whether the publisher itself is left out
 * @param filter the publisher's black- and whitelists
 * @param publisherDetails the EVENT.Details that disclose the publisher; empty when not disclosed
 * @param payload the arguments, passed on untouched
 * @param timestamp when the broker received it
 */
public record Publication(String topic, long id, long publisher, AuthIdentity publisherIdentity, boolean excludeMe,
        SubscriberFilter filter, Map<String, Object> publisherDetails, Payload payload, Instant timestamp) {

    /** The EVENT.Details a subscription gets: the publisher's, if disclosed, and the topic for a pattern one. */
    public Map<String, Object> detailsFor(Subscription subscription) {
        return subscription.match() == MatchPolicy.EXACT ? publisherDetails : withTopic(publisherDetails, topic);
    }

    static Map<String, Object> withTopic(Map<String, Object> details, String topic) {
        if (details.isEmpty()) {
            return Map.of("topic", topic);
        }
        Map<String, Object> withTopic = new LinkedHashMap<>(details);
        withTopic.put("topic", topic);
        return withTopic;
    }

    /** Whether a subscriber (session id and identity) receives this publication. */
    public boolean reaches(long sessionId, AuthIdentity identity) {
        return !(excludeMe && sessionId == publisher) && filter.admits(sessionId, identity);
    }
}
