package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SummaryTest {

    private static BenchmarkResult result(String scenario, int round, double opsPerSecond, double p50) {
        return new BenchmarkResult(scenario, round, 50, 64, 5, 15, Math.round(opsPerSecond * 15), opsPerSecond, p50,
                p50 * 4, p50 * 10, p50 * 20, 0);
    }

    @Test
    void tableHasMinMaxPerScenarioAndPerRoundRatios() {
        List<BenchmarkResult> results = List.of(
                result("echo", 1, 10_000, 100), result("rpc-remote", 1, 4_000, 300), result("rpc-annotated", 1, 7_000, 200),
                result("echo", 2, 12_000, 90), result("rpc-remote", 2, 6_000, 250), result("rpc-annotated", 2, 6_000, 210));

        String table = Summary.table(results);

        assertThat(table).contains("| echo | 2 | 10000 | 12000 | 90–100 | 360–400 | 900–1000 | 0 |");
        assertThat(table).contains("| rpc-remote | 2 | 4000 | 6000 | 250–300 |");
        // round 1: 4000/10000 = 0.4, round 2: 6000/12000 = 0.5
        assertThat(table).contains("| rpc-remote / echo | 2 | 0.400 | 0.500 |");
        assertThat(table).contains("| rpc-remote / (echo/2) | 2 | 0.800 | 1.000 |");
        // round 1: 7000/10000 = 0.7, round 2: 6000/12000 = 0.5
        assertThat(table).contains("| rpc-annotated / echo | 2 | 0.500 | 0.700 |");
    }

    @Test
    void resultLineRoundTrips() {
        BenchmarkResult result = result("rpc-remote", 2, 1234.5, 321.5);
        assertThat(BenchmarkResult.parse(result.toLine())).isEqualTo(result);
    }

    @Test
    void fanoutResultLineRoundTripsAndOlderLinesStillParse() {
        BenchmarkResult fanout = new BenchmarkResult("pubsub-fanout", 3, 1, 64, 5, 10, 20_000, 2_000, 900, 3_000,
                5_000, 9_000, 0, new BenchmarkResult.Fanout(100, 16, 2_000_000, 200_000));
        String line = fanout.toLine();

        assertThat(line).endsWith(" errors=0 subscribers=100 window=16 events=2000000 events_per_s=200000.0");
        assertThat(BenchmarkResult.parse(line)).isEqualTo(fanout);
        assertThat(BenchmarkResult.parse("BENCH scenario=echo round=1 connections=50 payload=64 warmup_s=5.0 "
                + "duration_s=15.00 ops=281148 ops_per_s=18742.3 p50_us=2222.1 p99_us=8290.3 p999_us=21921.8 "
                + "max_us=113246.2 errors=0").fanout()).isNull();
    }

    @Test
    void tableHasEventsPerSecondOfFanoutRuns() {
        List<BenchmarkResult> results = List.of(result("echo", 1, 10_000, 100),
                new BenchmarkResult("pubsub-fanout", 1, 1, 64, 5, 10, 20_000, 2_000, 900, 3_000, 5_000, 9_000, 0,
                        new BenchmarkResult.Fanout(100, 16, 2_000_000, 200_000)),
                new BenchmarkResult("pubsub-fanout", 2, 1, 64, 5, 10, 25_000, 2_500, 800, 2_000, 4_000, 8_000, 0,
                        new BenchmarkResult.Fanout(100, 16, 2_500_000, 250_000)));

        String table = Summary.table(results);

        assertThat(table).contains("| pubsub-fanout | 2 | 2000 | 2500 | 800–900 |");
        assertThat(table).contains("| pubsub-fanout | 2 | 100 | 16 | 200000 | 250000 |");
    }

    @Test
    void runOptionsKeepTheirDefaultsUnlessGiven() {
        BenchmarkConfig defaults = BenchmarkMain.runConfig(
                Map.of("server", "ws://127.0.0.1:8080", "scenario", "pubsub-fanout"));
        assertThat(defaults.scenario()).isEqualTo(Scenario.PUBSUB_FANOUT);
        assertThat(defaults.subscribers()).isEqualTo(100);
        assertThat(defaults.window()).isEqualTo(16);
        assertThat(defaults.connections()).isEqualTo(50);
        assertThat(defaults.warmup()).isEqualTo(Duration.ofSeconds(5));

        BenchmarkConfig given = BenchmarkMain.runConfig(BenchmarkMain.options(new String[] {"run",
                "--server", "ws://127.0.0.1:8080", "--scenario", "pubsub-fanout", "--subscribers", "250",
                "--window", "4", "--warmup-s", "1.5", "--duration-s", "10", "--payload", "8"}));
        assertThat(given.subscribers()).isEqualTo(250);
        assertThat(given.window()).isEqualTo(4);
        assertThat(given.warmup()).isEqualTo(Duration.ofMillis(1500));
        assertThat(given.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(given.payloadSize()).isEqualTo(8);

        assertThatThrownBy(() -> BenchmarkMain.runConfig(Map.of("server", "ws://127.0.0.1:8080", "scenario",
                "pubsub-fanout", "window", "0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkMain.runConfig(Map.of("server", "ws://127.0.0.1:8080", "scenario",
                "pubsub-fanout", "subscribers", "0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkMain.runConfig(Map.of("server", "ws://127.0.0.1:8080", "scenario",
                "fanout"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadGoesToLoopbackOnly() {
        assertThatThrownBy(() -> BenchmarkConfig.defaults(URI.create("ws://example.com:8080"), Scenario.ECHO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkConfig.defaults(URI.create("wss://127.0.0.1:8443"), Scenario.ECHO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
