package io.wampspring.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of {@code @WampTopic} methods handling events. Define a bean of this type to
 * replace {@link DefaultWampTopicObservationConvention} (or extend it to add key values).
 */
public interface WampTopicObservationConvention extends ObservationConvention<WampTopicObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof WampTopicObservationContext;
    }
}
