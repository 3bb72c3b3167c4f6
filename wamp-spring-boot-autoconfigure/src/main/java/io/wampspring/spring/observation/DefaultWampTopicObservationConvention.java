package io.wampspring.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * The default names and key values of {@code @WampTopic} observations: named {@value #NAME}, with the low
 * cardinality keys {@code realm}, {@code topic} (the subscribed URI), {@code outcome} ({@code success},
 * {@code error}) and {@code exception} (the simple class name of what the method threw, {@code none} after a
 * success).
 */
public class DefaultWampTopicObservationConvention implements WampTopicObservationConvention {

    public static final String NAME = "wamp.topic.events";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(WampTopicObservationContext context) {
        return "event " + context.getTopic();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(WampTopicObservationContext context) {
        String exception = context.getException();
        return KeyValues.of("realm", context.getRealm(), "topic", context.getTopic(),
                "outcome", context.getOutcome(), "exception", exception != null ? exception : "none");
    }
}
