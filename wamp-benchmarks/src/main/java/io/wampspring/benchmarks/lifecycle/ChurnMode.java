package io.wampspring.benchmarks.lifecycle;

import java.util.Arrays;

/** What one churn iteration opens and closes. */
public enum ChurnMode {

    /** A fresh WebSocket connection per session: connect, handshake, HELLO, WELCOME, GOODBYE, close. */
    FRESH("fresh"),

    /**
     * The WebSocket alone: connect, handshake (the WAMP subprotocol), close handshake, no HELLO. The containers'
     * share of {@link #FRESH}; the router's own share is the difference. (The router ends a connection with its
     * session, as most routers do, so a connection cannot carry a second HELLO.)
     */
    WEBSOCKET_ONLY("websocket-only");

    private final String id;

    ChurnMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ChurnMode of(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown churn mode '" + id + "'"));
    }
}
