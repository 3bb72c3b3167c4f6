package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.wampspring.benchmarks.sessions.SessionsResult;
import org.junit.jupiter.api.Test;

class TransportSummaryTest {

    private static String line(String target, String scenario, int round, double opsPerSecond) {
        return "BENCH target=" + target + " " + new BenchmarkResult(scenario, round, 50, 64, 5, 15,
                Math.round(opsPerSecond * 15), opsPerSecond, 100, 400, 1000, 2000, 0).toLine().substring(6);
    }

    @Test
    void ratiosOfReactiveOverServletAndOfEachOverItsStacksEcho() {
        List<String> lines = List.of(
                line("tomcat-echo", "echo", 1, 20_000), line("netty-echo", "echo", 1, 40_000),
                line("servlet", "echo", 1, 16_000), line("reactive", "echo", 1, 32_000),
                line("servlet", "rpc-remote", 1, 8_000), line("reactive", "rpc-remote", 1, 20_000),
                line("servlet", "rpc-remote", 2, 10_000), line("reactive", "rpc-remote", 2, 15_000));

        String report = TransportSummary.report(lines);

        assertThat(report).contains("target servlet:").contains("target reactive:").contains("target netty-echo:");
        // round 1: 20000/8000, round 2: 15000/10000
        assertThat(report).contains("| reactive / servlet | rpc-remote | 2 | 1.500 | 2.500 |");
        assertThat(report).contains("| reactive / servlet | echo | 1 | 2.000 | 2.000 |");
        assertThat(report).contains("| servlet / tomcat-echo echo | rpc-remote | 1 | 0.400 | 0.400 |");
        assertThat(report).contains("| reactive / netty-echo echo | rpc-remote | 1 | 0.500 | 0.500 |");
        assertThat(report).contains("| reactive / netty-echo echo | echo | 1 | 0.800 | 0.800 |");
        assertThat(report).contains("| netty-echo / tomcat-echo | echo | 1 | 2.000 | 2.000 |");
    }

    @Test
    void untaggedLinesKeepTheSingleTable() {
        String report = TransportSummary.report(List.of(new BenchmarkResult("echo", 1, 50, 64, 5, 15, 150_000,
                10_000, 100, 400, 1000, 2000, 0).toLine()));

        assertThat(report).startsWith("| scenario | runs |").doesNotContain("target ").doesNotContain("ratio (ops/s");
    }

    @Test
    void sessionsPerSessionFiguresAndWampOverBare() {
        SessionsResult bare = new SessionsResult("reactive", "bare", 10_000, 2.0, 200L << 20, 300L << 20,
                40L << 20, 140L << 20, 0);
        SessionsResult wamp = new SessionsResult("reactive", "wamp", 10_000, 4.0, 210L << 20, 330L << 20,
                40L << 20, 150L << 20, 0);
        String line = wamp.toLine();

        assertThat(line).startsWith("SESSIONS target=reactive kind=wamp sessions=10000 open_s=4.000 "
                + "sessions_per_s=2500.0 ").contains(" rss_per_session_kb=12.29 ").contains(" heap_per_session_kb=11.26 ");
        assertThat(SessionsResult.parse(line)).isEqualTo(wamp);

        String report = TransportSummary.report(List.of("# a comment", bare.toLine(), line));

        // (100 MiB RSS, 100 MiB heap) over 10,000 bare; (120 MiB, 110 MiB) over 10,000 WAMP
        assertThat(report).contains("| reactive | bare | 1 | 10000 | 5000 | 10.2 | 10.2 | 0 |");
        assertThat(report).contains("| reactive | wamp | 1 | 10000 | 2500 | 12.3 | 11.3 | 0 |");
        assertThat(report).contains("| reactive | 2.0 | 1.0 |");
    }
}
