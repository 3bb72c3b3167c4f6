package io.wampspring.router;

import java.time.Instant;
import java.util.Map;

import io.wampspring.router.auth.AuthIdentity;
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

    /** Whether a subscriber (session id and identity) receives this publication. */
    public boolean reaches(long sessionId, AuthIdentity identity) {
        return !(excludeMe && sessionId == publisher) && filter.admits(sessionId, identity);
    }
}
