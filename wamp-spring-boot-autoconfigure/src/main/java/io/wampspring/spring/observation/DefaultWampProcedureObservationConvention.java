package io.wampspring.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * The default names and key values of {@code @WampProcedure} observations: named {@value #NAME}, with the low
 * cardinality keys {@code realm}, {@code procedure} (the registered URI), {@code outcome} ({@code success},
 * {@code error}, {@code canceled}) and {@code error.uri} (the error URI the caller was answered with, {@code none}
 * after a success). The key is not {@code error}: Micrometer's timer of an observation adds its own {@code error} tag,
 * the failure's exception class.
 */
public class DefaultWampProcedureObservationConvention implements WampProcedureObservationConvention {

    public static final String NAME = "wamp.procedure.invocations";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(WampProcedureObservationContext context) {
        return "invoke " + context.getProcedure();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(WampProcedureObservationContext context) {
        String error = context.getErrorUri();
        return KeyValues.of("realm", context.getRealm(), "procedure", context.getProcedure(),
                "outcome", context.getOutcome(), "error.uri", error != null ? error : "none");
    }
}
