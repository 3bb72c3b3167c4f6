package io.wampspring.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of {@code @WampProcedure} invocations. Define a bean of this type to replace
 * {@link DefaultWampProcedureObservationConvention} (or extend it to add key values).
 */
public interface WampProcedureObservationConvention extends ObservationConvention<WampProcedureObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof WampProcedureObservationContext;
    }
}
