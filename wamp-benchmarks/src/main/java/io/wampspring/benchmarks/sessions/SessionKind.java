package io.wampspring.benchmarks.sessions;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.wampspring.benchmarks.Wamp;

/** What the {@code sessions} scenario holds open: a WAMP session, or a bare WebSocket connection beside it. */
public enum SessionKind {

    /** A WebSocket connection to the benchmark profile's {@code /echo}: the upgrade, and no message at all. */
    BARE("bare", null),

    /** A WAMP session on {@code /ws}: WebSocket with {@code wamp.2.json}, then HELLO answered by WELCOME. */
    WAMP("wamp", Wamp.SUBPROTOCOL);

    private final String id;
    private final @Nullable String subprotocol;

    SessionKind(String id, @Nullable String subprotocol) {
        this.id = id;
        this.subprotocol = subprotocol;
    }

    public String id() {
        return id;
    }

    @Nullable String subprotocol() {
        return subprotocol;
    }

    public static SessionKind of(String id) {
        for (SessionKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown session kind '" + id + "', expected one of "
                + Arrays.stream(values()).map(SessionKind::id).collect(Collectors.joining(", ")));
    }
}
