package io.wampspring.benchmarks;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.wampspring.benchmarks.sessions.SessionsResult;

/**
 * The table of the {@code sessions} lines: per target and kind the sessions opened per second and the resident set
 * and live heap per session (min–max over the runs), then per target what a WAMP session costs over a bare
 * WebSocket connection on the same server (the runs' means).
 */
final class SessionsSummary {

    private SessionsSummary() {
    }

    static String table(List<SessionsResult> results) {
        Map<String, List<SessionsResult>> byTargetAndKind = new LinkedHashMap<>();
        results.forEach(result -> byTargetAndKind.computeIfAbsent(result.target() + " " + result.kind(),
                k -> new ArrayList<>()).add(result));
        StringBuilder out = new StringBuilder();
        out.append("| sessions: target | kind | runs | sessions | sessions/s | RSS KB/session | heap KB/session "
                + "| errors |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        byTargetAndKind.forEach((key, runs) -> {
            SessionsResult first = runs.get(0);
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %d |%n", first.target(),
                    first.kind(), runs.size(), first.sessions(), range(runs, SessionsResult::sessionsPerSecond, 0),
                    range(runs, SessionsResult::rssPerSessionKb, 1), range(runs, SessionsResult::heapPerSessionKb, 1),
                    runs.stream().mapToLong(SessionsResult::errors).sum()));
        });
        List<String> overBare = new ArrayList<>();
        results.stream().map(SessionsResult::target).distinct().forEach(target -> {
            List<SessionsResult> wamp = byTargetAndKind.get(target + " wamp");
            List<SessionsResult> bare = byTargetAndKind.get(target + " bare");
            if (wamp != null && bare != null) {
                overBare.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", target,
                        mean(wamp, SessionsResult::rssPerSessionKb) - mean(bare, SessionsResult::rssPerSessionKb),
                        mean(wamp, SessionsResult::heapPerSessionKb) - mean(bare, SessionsResult::heapPerSessionKb)));
            }
        });
        if (!overBare.isEmpty()) {
            out.append("\n| WAMP session over a bare WebSocket (means) | RSS KB/session | heap KB/session |\n");
            out.append("|---|---:|---:|\n");
            overBare.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static String range(List<SessionsResult> runs, ToDoubleFunction<SessionsResult> f, int decimals) {
        DoubleSummaryStatistics stats = runs.stream().mapToDouble(f).summaryStatistics();
        String format = "%." + decimals + "f";
        return stats.getCount() == 1 || stats.getMin() == stats.getMax()
                ? String.format(Locale.ROOT, format, stats.getMin())
                : String.format(Locale.ROOT, format + "–" + format, stats.getMin(), stats.getMax());
    }

    private static double mean(List<SessionsResult> runs, ToDoubleFunction<SessionsResult> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
