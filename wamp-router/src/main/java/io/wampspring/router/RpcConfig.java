package io.wampspring.router;

import java.time.Duration;
import java.util.List;

import io.wampspring.router.match.MatchPolicy;

/**
 * How a realm's dealer treats calls.
 *
 * @param callerDisclosure whether callees learn who calls them
 * @param defaultCallTimeout the timeout of a call that sets none and matches no {@code procedureTimeouts} entry;
 *                           zero for none
 * @param procedureTimeouts default timeouts per procedure URI or pattern, the best match winning as for calls
 */
public record RpcConfig(Disclosure callerDisclosure, Duration defaultCallTimeout,
        List<ProcedureTimeout> procedureTimeouts) {

    public RpcConfig {
        procedureTimeouts = List.copyOf(procedureTimeouts);
    }

    public static RpcConfig defaults() {
        return new RpcConfig(Disclosure.ON_REQUEST, Duration.ZERO, List.of());
    }

    /** A default timeout for calls whose procedure matches {@code uri} under {@code match}. */
    public record ProcedureTimeout(MatchPolicy match, String uri, Duration timeout) {
    }
}
