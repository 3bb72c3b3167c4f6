package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How the dealer treats calls, in every realm. */
public class WampRpcProperties {

    /** Timeout of calls that set none and match no procedure-timeouts entry; 0 for none. */
    private Duration callTimeout = Duration.ZERO;

    /** Default timeouts per procedure URI or pattern; the best match wins, as for calls. */
    private List<WampProperties.ProcedureTimeout> procedureTimeouts = new ArrayList<>();

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public List<WampProperties.ProcedureTimeout> getProcedureTimeouts() {
        return procedureTimeouts;
    }

    public void setProcedureTimeouts(List<WampProperties.ProcedureTimeout> procedureTimeouts) {
        this.procedureTimeouts = procedureTimeouts;
    }
}
