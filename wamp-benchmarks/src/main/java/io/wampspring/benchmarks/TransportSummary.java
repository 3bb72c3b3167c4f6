package io.wampspring.benchmarks;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.wampspring.benchmarks.sessions.SessionsResult;

/**
 * The report of a run over several targets ({@code run-benchmarks.sh} tags each BENCH line with
 * {@code target=servlet|reactive|tomcat-echo|netty-echo}): {@link Summary}'s table per target, then per round the
 * throughput of the reactive transport over the servlet one, and of each transport over the plain echo of its own
 * stack (Tomcat for servlet, Netty for reactive); then the {@code sessions} lines. Untagged lines are one target,
 * {@code app}, and get {@link Summary}'s table alone, as before.
 */
public final class TransportSummary {

    public static final String DEFAULT_TARGET = "app";

    /** Each transport's plain echo ceiling: the same web server with nothing on top. */
    private static final Map<String, String> CEILINGS = Map.of("servlet", "tomcat-echo", "reactive", "netty-echo");

    private TransportSummary() {
    }

    /** A result with the target it was run against. */
    record Tagged(String target, BenchmarkResult result) {
    }

    public static String report(List<String> lines) {
        List<Tagged> runs = new ArrayList<>();
        List<SessionsResult> sessions = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(BenchmarkResult.PREFIX)) {
                ResultFields fields = ResultFields.parse(BenchmarkResult.PREFIX, line);
                runs.add(new Tagged(fields.has("target") ? fields.get("target") : DEFAULT_TARGET,
                        BenchmarkResult.parse(line)));
            }
            else if (line.startsWith(SessionsResult.PREFIX)) {
                sessions.add(SessionsResult.parse(line));
            }
        }
        Map<String, List<BenchmarkResult>> byTarget = new LinkedHashMap<>();
        runs.forEach(run -> byTarget.computeIfAbsent(run.target(), k -> new ArrayList<>()).add(run.result()));
        StringBuilder out = new StringBuilder();
        if (byTarget.size() == 1 && byTarget.containsKey(DEFAULT_TARGET)) {
            out.append(Summary.table(byTarget.get(DEFAULT_TARGET)));
        }
        else {
            byTarget.forEach((target, results) -> out.append("target ").append(target).append(":\n\n")
                    .append(Summary.table(results)).append('\n'));
            out.append(ratios(runs));
        }
        if (!sessions.isEmpty()) {
            out.append(out.isEmpty() ? "" : "\n").append(SessionsSummary.table(sessions));
        }
        return out.toString();
    }

    /** Per scenario: reactive/servlet, and each transport over its stack's echo ceiling, of the same round. */
    static String ratios(List<Tagged> runs) {
        List<String> scenarios = runs.stream().map(run -> run.result().scenario()).distinct().toList();
        List<String> rows = new ArrayList<>();
        for (String scenario : scenarios) {
            row(rows, "reactive / servlet", scenario, runs, "reactive", scenario, "servlet", scenario);
        }
        for (String transport : List.of("servlet", "reactive")) {
            String ceiling = CEILINGS.get(transport);
            for (String scenario : scenarios) {
                row(rows, transport + " / " + ceiling + " echo", scenario, runs, transport, scenario, ceiling,
                        Scenario.ECHO.id());
            }
        }
        row(rows, "netty-echo / tomcat-echo", Scenario.ECHO.id(), runs, "netty-echo", Scenario.ECHO.id(),
                "tomcat-echo", Scenario.ECHO.id());
        if (rows.isEmpty()) {
            return "";
        }
        return "| throughput ratio (ops/s, per round) | scenario | rounds | min | max |\n"
                + "|---|---|---:|---:|---:|\n" + String.join("\n", rows) + "\n";
    }

    private static void row(List<String> rows, String label, String scenario, List<Tagged> runs, String target,
            String targetScenario, String base, String baseScenario) {
        List<Double> ratios = new ArrayList<>();
        for (Tagged run : runs) {
            if (run.target().equals(target) && run.result().scenario().equals(targetScenario)) {
                find(runs, base, baseScenario, run.result().round())
                        .filter(other -> other.opsPerSecond() > 0)
                        .ifPresent(other -> ratios.add(run.result().opsPerSecond() / other.opsPerSecond()));
            }
        }
        if (!ratios.isEmpty()) {
            DoubleSummaryStatistics stats = ratios.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f |", label, scenario, ratios.size(),
                    stats.getMin(), stats.getMax()));
        }
    }

    private static Optional<BenchmarkResult> find(List<Tagged> runs, String target, String scenario, int round) {
        return runs.stream().filter(run -> run.target().equals(target))
                .map(Tagged::result)
                .filter(result -> result.scenario().equals(scenario) && result.round() == round)
                .findFirst();
    }
}
