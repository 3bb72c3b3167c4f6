package io.wampspring.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What one run measures. Each is a closed loop: every RPC or echo connection keeps exactly one request in flight; the
 * fan-out publisher keeps a bounded window of publications in flight.
 */
public enum Scenario {

    /** Plain WebSocket echo at {@code /echo}: 2 frames per operation, no WAMP on the server. The baseline. */
    ECHO("echo"),

    /**
     * N caller sessions call {@code bench.echo}, registered by one remote callee session of this client that yields
     * the arguments back: CALL, INVOCATION, YIELD, RESULT, i.e. 4 frames per operation.
     */
    RPC_REMOTE("rpc-remote"),

    /** N caller sessions call the sample app's annotated {@code com.example.add2}: 2 frames per operation. */
    RPC_ANNOTATED("rpc-annotated"),

    /**
     * One publisher session publishes to {@code bench.fanout}, which S remote subscriber sessions of this client
     * subscribe to (exact match, basic profile only). Each PUBLISH asks for {@code acknowledge}; a publication is
     * complete when its PUBLISHED and all S EVENTs have arrived, and at most W publications are in flight, so no
     * subscriber ever has more than W events waiting in the router's send buffer: 1 + S + 1 frames per publication.
     */
    PUBSUB_FANOUT("pubsub-fanout");

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Scenario of(String id) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "', expected one of "
                + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")));
    }
}
