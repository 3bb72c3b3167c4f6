package io.wampspring.benchmarks.sessions;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.wampspring.benchmarks.Loopback;

/**
 * One {@code sessions} run's settings.
 *
 * @param server         the server's base URI, {@code ws://127.0.0.1:<port>}; only loopback is accepted
 * @param serverPid      the server's process, measured with {@code /proc/PID/status} and {@code jcmd}
 * @param target         a label for the server in the result line ({@code servlet}, {@code reactive}, ...)
 * @param sessions       idle connections of each kind held open together
 * @param kinds          the kinds to measure, one after the other, in this order
 * @param concurrency    handshakes in flight at most while opening (a server's accept backlog is finite)
 * @param warmupSessions connections of each kind opened and closed before the baseline, so that class loading and
 *                       pools filled by the first connections are not counted per session
 * @param histogramTop   classes listed in the heap histogram diff (0: none)
 * @param realm          the WAMP realm
 * @param wampPath       the router's WebSocket path
 * @param echoPath       the bare WebSocket endpoint's path
 * @param openTimeout    how long opening all sessions of one kind may take
 */
public record SessionsConfig(URI server, long serverPid, String target, int sessions, List<SessionKind> kinds,
        int concurrency, int warmupSessions, int histogramTop, String realm, String wampPath, String echoPath,
        Duration openTimeout) {

    public static final int MAX_SESSIONS = 100_000;

    public SessionsConfig {
        Loopback.require(server);
        if (serverPid <= 0) {
            throw new IllegalArgumentException("--server-pid is required: " + serverPid);
        }
        if (!target.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("target must be a plain word: '" + target + "'");
        }
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be in [1, " + MAX_SESSIONS + "]: " + sessions);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("at least one session kind");
        }
        if (concurrency < 1 || warmupSessions < 0 || histogramTop < 0) {
            throw new IllegalArgumentException("concurrency >= 1, warm-up sessions and histogram top >= 0");
        }
        kinds = List.copyOf(kinds);
    }

    public static SessionsConfig defaults(URI server, long serverPid) {
        return new SessionsConfig(server, serverPid, "app", 10_000, List.of(SessionKind.BARE, SessionKind.WAMP), 64,
                500, 25, "realm1", "/ws", "/echo", Duration.ofMinutes(5));
    }

    public SessionsConfig withSessions(int sessions, int warmupSessions) {
        return new SessionsConfig(server, serverPid, target, sessions, kinds, concurrency, warmupSessions,
                histogramTop, realm, wampPath, echoPath, openTimeout);
    }

    URI uri(SessionKind kind) {
        return server.resolve(kind == SessionKind.WAMP ? wampPath : echoPath);
    }
}
