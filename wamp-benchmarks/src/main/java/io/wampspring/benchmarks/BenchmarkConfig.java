package io.wampspring.benchmarks;

import java.net.URI;
import java.time.Duration;

/**
 * One run's settings.
 *
 * @param server      the server's base URI, {@code ws://127.0.0.1:<port>}; only loopback is accepted
 * @param scenario    what to measure
 * @param connections concurrent connections (callers), each with one request in flight
 * @param warmup      time under full load before measuring
 * @param duration    measured time
 * @param payloadSize characters of the string argument in {@code echo}, {@code rpc-remote} and
 *                    {@code pubsub-fanout}
 * @param realm       the WAMP realm
 * @param wampPath    the router's WebSocket path
 * @param echoPath    the echo endpoint's path
 * @param subscribers subscriber sessions of {@code pubsub-fanout} (the other scenarios ignore it)
 * @param window      publications {@code pubsub-fanout} keeps in flight at most (the other scenarios ignore it)
 */
public record BenchmarkConfig(URI server, Scenario scenario, int connections, Duration warmup, Duration duration,
        int payloadSize, String realm, String wampPath, String echoPath, int subscribers, int window) {

    public static final String REMOTE_PROCEDURE = "bench.echo";
    public static final String ANNOTATED_PROCEDURE = "com.example.add2";
    public static final String FANOUT_TOPIC = "bench.fanout";
    public static final int DEFAULT_SUBSCRIBERS = 100;
    public static final int DEFAULT_WINDOW = 16;
    public static final int MAX_WINDOW = 1024;

    public BenchmarkConfig {
        Loopback.require(server);
        if (connections < 1 || connections > 10_000) {
            throw new IllegalArgumentException("connections must be in [1, 10000]: " + connections);
        }
        if (warmup.isNegative() || duration.isNegative() || duration.isZero()
                || duration.compareTo(Duration.ofMinutes(10)) > 0 || warmup.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("warm-up and duration must be bounded (<= 10 min), duration > 0");
        }
        if (payloadSize < 0 || payloadSize > 1_000_000) {
            throw new IllegalArgumentException("payload size must be in [0, 1000000]: " + payloadSize);
        }
        if (subscribers < 1 || subscribers > 10_000) {
            throw new IllegalArgumentException("subscribers must be in [1, 10000]: " + subscribers);
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be in [1, " + MAX_WINDOW + "]: " + window);
        }
    }

    public static BenchmarkConfig defaults(URI server, Scenario scenario) {
        return new BenchmarkConfig(server, scenario, 50, Duration.ofSeconds(5), Duration.ofSeconds(15), 64,
                "realm1", "/ws", "/echo", DEFAULT_SUBSCRIBERS, DEFAULT_WINDOW);
    }

    public BenchmarkConfig withTiming(int connections, Duration warmup, Duration duration) {
        return new BenchmarkConfig(server, scenario, connections, warmup, duration, payloadSize, realm, wampPath,
                echoPath, subscribers, window);
    }

    public BenchmarkConfig withFanout(int subscribers, int window) {
        return new BenchmarkConfig(server, scenario, connections, warmup, duration, payloadSize, realm, wampPath,
                echoPath, subscribers, window);
    }

    URI wampUri() {
        return server.resolve(wampPath);
    }

    URI echoUri() {
        return server.resolve(echoPath);
    }
}
