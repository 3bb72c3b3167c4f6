package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

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
    void loadGoesToLoopbackOnly() {
        assertThatThrownBy(() -> BenchmarkConfig.defaults(URI.create("ws://example.com:8080"), Scenario.ECHO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkConfig.defaults(URI.create("wss://127.0.0.1:8443"), Scenario.ECHO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
