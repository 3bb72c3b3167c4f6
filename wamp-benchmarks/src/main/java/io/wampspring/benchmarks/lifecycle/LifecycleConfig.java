package io.wampspring.benchmarks.lifecycle;

import java.net.URI;
import java.time.Duration;

import io.wampspring.benchmarks.Loopback;
import org.jspecify.annotations.Nullable;

/**
 * One lifecycle run's settings.
 *
 * @param wampUri     the router's WebSocket, {@code ws://127.0.0.1:<port>/ws}; only loopback is accepted
 * @param scenario    what to measure
 * @param connections churn: client connections, each with one session set-up in flight; drop scenarios: caller
 *                    sessions of the background RPC load
 * @param warmup      churn: time under load before measuring
 * @param duration    churn: measured time
 * @param mode        churn: what each iteration opens
 * @param repetitions drop scenarios: callees dropped, one after the other
 * @param waiting     drop scenarios: callers waiting on each dropped callee
 * @param serverPid   the server's process, whose CPU time is read from {@code /proc}; null to skip that
 * @param realm       the WAMP realm
 */
public record LifecycleConfig(URI wampUri, LifecycleScenario scenario, int connections, Duration warmup,
        Duration duration, ChurnMode mode, int repetitions, int waiting, @Nullable Long serverPid, String realm) {

    public LifecycleConfig {
        Loopback.require(wampUri);
        if (connections < 0 || connections > 1_000 || repetitions < 1 || repetitions > 100_000 || waiting < 1
                || waiting > 1_000) {
            throw new IllegalArgumentException("connections in [0, 1000], repetitions in [1, 100000], waiting in "
                    + "[1, 1000]");
        }
        if (warmup.isNegative() || duration.isNegative() || duration.isZero()
                || warmup.plus(duration).compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("warm-up and duration must be bounded (<= 10 min), duration > 0");
        }
    }

    public static LifecycleConfig defaults(URI server, LifecycleScenario scenario) {
        return new LifecycleConfig(server.resolve("/ws"), scenario, scenario == LifecycleScenario.CHURN ? 50 : 16,
                Duration.ofSeconds(5), Duration.ofSeconds(15), ChurnMode.FRESH, 200, 5, null, "realm1");
    }

    public LifecycleConfig with(int connections, Duration warmup, Duration duration, ChurnMode mode,
            int repetitions, int waiting, @Nullable Long serverPid) {
        return new LifecycleConfig(wampUri, scenario, connections, warmup, duration, mode, repetitions, waiting,
                serverPid, realm);
    }
}
