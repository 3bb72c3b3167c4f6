package io.wampspring.spring.binding;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a {@code @WampTopic} method may know about the event it receives; declare a parameter of this type to get
 * it. It never takes an argument's place.
 *
 * @param topic the topic URI
 * @param subscriptionId the router's subscription id
 * @param publicationId the publication id, the same for every subscriber of one publication
 * @param details EVENT.Details as the broker sent them
 * @param args the positional arguments as received
 * @param kwargs the keyword arguments as received
 */
public record WampEventContext(String topic, long subscriptionId, long publicationId, Map<String, Object> details,
        List<Object> args, Map<String, Object> kwargs) implements WampInvocationContext {

    /** The publisher's session id, when the publisher disclosed it. */
    public @Nullable Long publisherSessionId() {
        return details.get("publisher") instanceof Number publisher ? publisher.longValue() : null;
    }
}
