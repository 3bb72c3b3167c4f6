package io.wampspring.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What one run measures. Each is a closed loop: every connection keeps exactly one request in flight. */
public enum Scenario {

    /** Plain WebSocket echo at {@code /echo}: 2 frames per operation, no WAMP on the server. The baseline. */
    ECHO("echo"),

    /**
     * N caller sessions call {@code bench.echo}, registered by one remote callee session of this client that yields
     * the arguments back: CALL, INVOCATION, YIELD, RESULT, i.e. 4 frames per operation.
     */
    RPC_REMOTE("rpc-remote"),

    /** N caller sessions call the sample app's annotated {@code com.example.add2}: 2 frames per operation. */
    RPC_ANNOTATED("rpc-annotated");

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
