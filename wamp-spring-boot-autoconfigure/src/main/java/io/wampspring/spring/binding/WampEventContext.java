package io.wampspring.spring.binding;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code @WampTopic} method may know about the event it receives; declare a parameter of this type to get
 * it. It never takes an argument's place.
 *
 * @param topic the topic URI the event was published to (for a pattern subscription, {@code Details.topic})
 * @param subscriptionId the router's subscription id
 * @param publicationId the publication id, the same for every subscriber of one publication
 * @param details EVENT.Details as the broker sent them
 * @param args the positional arguments as received
 * @param kwargs the keyword arguments as received
 */
public record WampEventContext(String topic, long subscriptionId, long publicationId, Map<String, Object> details,
        List<Object> args, Map<String, Object> kwargs) implements WampInvocationContext {

    /** The publisher's session id, when the publisher disclosed it ({@code publisher}). */
    public @Nullable Long publisherSessionId() {
        return details.get("publisher") instanceof Number publisher ? publisher.longValue() : null;
    }

    /** The publisher's authid, when the publisher disclosed it ({@code publisher_authid}). */
    public @Nullable String publisherAuthid() {
        return details.get("publisher_authid") instanceof String authid ? authid : null;
    }

    /** The publisher's authrole, when the publisher disclosed it ({@code publisher_authrole}). */
    public @Nullable String publisherAuthrole() {
        return details.get("publisher_authrole") instanceof String authrole ? authrole : null;
    }

    /**
     * Whether this is the topic's retained event, delivered because the subscription asked for it
     * ({@code get_retained}) rather than published just now ({@code retained}).
     */
    public boolean retained() {
        return Boolean.TRUE.equals(details.get("retained"));
    }
}
