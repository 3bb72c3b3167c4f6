package io.wampspring.router.history;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.wampspring.router.message.Payload;
import org.jspecify.annotations.Nullable;

/**
 * One publication as the event history keeps it. Only what does not change while the router runs is kept: the
 * publisher's details as they were disclosed at the time, and the publisher's authid and authrole lists, which decide
 * who may read it later. Publications that named sessions ({@code eligible}, {@code exclude}) are never stored.
 *
 * @param realm the realm it was published in
 * @param sequence its place in the realm's history: increasing in the order the broker routed publications, so the
 *                 events of several topics merge into one order (publication ids are random and say nothing)
 * @param topic the topic it was published to
 * @param publication the publication id, as its EVENTs carried it
 * @param timestamp when the broker received it
 * @param publisherDetails the EVENT.Details that disclosed the publisher ({@code publisher}, {@code publisher_authid},
 *                         {@code publisher_authrole}); empty when it was not disclosed
 * @param payload the arguments, as published
 * @param eligibleAuthid the publisher's {@code eligible_authid}, or null when absent
 * @param eligibleAuthrole the publisher's {@code eligible_authrole}, or null when absent
 * @param excludeAuthid the publisher's {@code exclude_authid}, or null when absent
 * @param excludeAuthrole the publisher's {@code exclude_authrole}, or null when absent
 */
public record StoredEvent(String realm, long sequence, String topic, long publication, Instant timestamp,
        Map<String, Object> publisherDetails, Payload payload, @Nullable Set<String> eligibleAuthid,
        @Nullable Set<String> eligibleAuthrole, @Nullable Set<String> excludeAuthid,
        @Nullable Set<String> excludeAuthrole) {

    public StoredEvent {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        publisherDetails = Map.copyOf(publisherDetails);
        eligibleAuthid = copy(eligibleAuthid);
        eligibleAuthrole = copy(eligibleAuthrole);
        excludeAuthid = copy(excludeAuthid);
        excludeAuthrole = copy(excludeAuthrole);
    }

    private static @Nullable Set<String> copy(@Nullable Set<String> values) {
        return values == null ? null : Set.copyOf(values);
    }

    /**
     * Whether a session with this authid and authrole may read the event: it is in each eligible list present and in
     * no exclude list, as it would have had to be to receive the event live.
     */
    public boolean isVisibleTo(String authid, String authrole) {
        return (eligibleAuthid == null || eligibleAuthid.contains(authid))
                && (eligibleAuthrole == null || eligibleAuthrole.contains(authrole))
                && (excludeAuthid == null || !excludeAuthid.contains(authid))
                && (excludeAuthrole == null || !excludeAuthrole.contains(authrole));
    }
}
