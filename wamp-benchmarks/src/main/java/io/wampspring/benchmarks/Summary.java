package io.wampspring.benchmarks;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The table of a benchmark: per scenario the min and max over the rounds, and the throughput ratios of each RPC
 * scenario to the echo of the same round, both plain ({@code rpc/echo}) and per frame pair
 * ({@code rpc/(echo/2)}: a call routed to a remote callee moves 4 frames where an echo moves 2). Fan-out runs, whose
 * ops/s are publications/s, also get a table of delivered events/s.
 */
public final class Summary {

    private Summary() {
    }

    public static String table(List<BenchmarkResult> results) {
        Map<String, List<BenchmarkResult>> byScenario = new LinkedHashMap<>();
        for (Scenario scenario : Scenario.values()) {
            byScenario.put(scenario.id(), new ArrayList<>());
        }
        for (BenchmarkResult result : results) {
            byScenario.computeIfAbsent(result.scenario(), k -> new ArrayList<>()).add(result);
        }
        StringBuilder out = new StringBuilder();
        out.append("| scenario | runs | ops/s min | ops/s max | p50 µs min–max | p99 µs min–max | p99.9 µs min–max "
                + "| errors |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byScenario.forEach((scenario, runs) -> {
            if (runs.isEmpty()) {
                return;
            }
            DoubleSummaryStatistics ops = stats(runs, BenchmarkResult::opsPerSecond);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %s | %s | %s | %d |%n", scenario,
                    runs.size(), ops.getMin(), ops.getMax(), range(runs, BenchmarkResult::p50Micros),
                    range(runs, BenchmarkResult::p99Micros), range(runs, BenchmarkResult::p999Micros),
                    runs.stream().mapToLong(BenchmarkResult::errors).sum()));
        });
        List<BenchmarkResult> echoes = byScenario.get(Scenario.ECHO.id());
        List<String> ratios = new ArrayList<>();
        for (Scenario rpc : List.of(Scenario.RPC_REMOTE, Scenario.RPC_ANNOTATED)) {
            List<Double> plain = new ArrayList<>();
            for (BenchmarkResult result : byScenario.get(rpc.id())) {
                echoes.stream().filter(echo -> echo.round() == result.round()).findFirst()
                        .ifPresent(echo -> plain.add(result.opsPerSecond() / echo.opsPerSecond()));
            }
            if (!plain.isEmpty()) {
                DoubleSummaryStatistics stats = plain.stream().mapToDouble(Double::doubleValue).summaryStatistics();
                ratios.add(String.format(Locale.ROOT, "| %s / echo | %d | %.3f | %.3f |", rpc.id(), plain.size(),
                        stats.getMin(), stats.getMax()));
                ratios.add(String.format(Locale.ROOT, "| %s / (echo/2) | %d | %.3f | %.3f |", rpc.id(),
                        plain.size(), 2 * stats.getMin(), 2 * stats.getMax()));
            }
        }
        if (!ratios.isEmpty()) {
            out.append("\n| throughput ratio (per round, same round's echo) | rounds | min | max |\n");
            out.append("|---|---:|---:|---:|\n");
            ratios.forEach(line -> out.append(line).append('\n'));
        }
        List<String> fanouts = new ArrayList<>();
        byScenario.forEach((scenario, runs) -> {
            List<BenchmarkResult> fanout = runs.stream().filter(result -> result.fanout() != null).toList();
            if (!fanout.isEmpty()) {
                DoubleSummaryStatistics events = stats(fanout, result -> result.fanout().eventsPerSecond());
                fanouts.add(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.0f | %.0f |", scenario, fanout.size(),
                        distinct(fanout, result -> result.fanout().subscribers()),
                        distinct(fanout, result -> result.fanout().window()), events.getMin(), events.getMax()));
            }
        });
        if (!fanouts.isEmpty()) {
            out.append("\n| fan-out | runs | subscribers | window | events/s min | events/s max |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            fanouts.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static String distinct(List<BenchmarkResult> runs, ToDoubleFunction<BenchmarkResult> f) {
        return runs.stream().mapToDouble(f).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).distinct()
                .collect(Collectors.joining(", "));
    }

    private static DoubleSummaryStatistics stats(List<BenchmarkResult> runs, ToDoubleFunction<BenchmarkResult> f) {
        return runs.stream().mapToDouble(f).summaryStatistics();
    }

    private static String range(List<BenchmarkResult> runs, ToDoubleFunction<BenchmarkResult> f) {
        DoubleSummaryStatistics stats = stats(runs, f);
        return String.format(Locale.ROOT, "%.0f–%.0f", stats.getMin(), stats.getMax());
    }
}
