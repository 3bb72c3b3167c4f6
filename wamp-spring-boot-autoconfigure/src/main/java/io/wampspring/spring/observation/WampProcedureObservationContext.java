package io.wampspring.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a {@code @WampProcedure} method's invocation knows: the realm, the registered procedure URI
 * (a pattern for a pattern registration, never the URI actually called), and how the invocation ended.
 */
public class WampProcedureObservationContext extends Observation.Context {

    private final String realm;
    private final String procedure;
    private String outcome = "success";
    private @Nullable String error;

    public WampProcedureObservationContext(String realm, String procedure) {
        this.realm = realm;
        this.procedure = procedure;
    }

    public String getRealm() {
        return realm;
    }

    /** The registered procedure URI (or pattern). */
    public String getProcedure() {
        return procedure;
    }

    /** {@code success}, {@code error} or {@code canceled}. */
    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /** The error URI the caller was answered with, null after a success. */
    public @Nullable String getErrorUri() {
        return error;
    }

    public void setErrorUri(@Nullable String error) {
        this.error = error;
    }
}
