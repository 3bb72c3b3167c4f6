package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.wampspring.benchmarks.sessions.SessionsConfig;
import io.wampspring.benchmarks.sessions.SessionsResult;
import io.wampspring.benchmarks.sessions.SessionsRun;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs the {@code sessions} scenario briefly (20 sessions of each kind) against the real router and a plain echo
 * in this JVM, measuring this JVM: proves the client opens, holds and closes both kinds, and that the probe reads
 * the resident set and a class histogram. Not a benchmark: only that the figures are there and sane is asserted.
 */
@SpringBootTest(classes = LoadClientTest.BenchApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.path=/ws", "wamp.realms[0].name=realm1"})
class SessionsRunTest {

    @LocalServerPort
    int port;

    @Test
    void holdsBareAndWampSessionsAndReportsWhatTheyCost() throws Exception {
        SessionsConfig config = SessionsConfig.defaults(URI.create("ws://127.0.0.1:" + port),
                ProcessHandle.current().pid()).withSessions(20, 5);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<SessionsResult> results;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            results = new SessionsRun(config, out, System.err).execute();
        }

        assertThat(results).extracting(SessionsResult::kind).containsExactly("bare", "wamp");
        for (SessionsResult result : results) {
            assertThat(result.sessions()).isEqualTo(20);
            assertThat(result.errors()).as("connections dropped while held").isZero();
            assertThat(result.openSeconds()).isPositive();
            assertThat(result.rssBeforeBytes()).isPositive();
            assertThat(result.rssOpenBytes()).isPositive();
            assertThat(result.heapBeforeBytes()).isPositive();
            // 20 server-side connections (and this JVM's client channels) are live objects after a full GC
            assertThat(result.heapOpenBytes()).as(result.kind() + " heap with the sessions open")
                    .isGreaterThan(result.heapBeforeBytes());
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        List<SessionsResult> parsed = text.lines().filter(line -> line.startsWith(SessionsResult.PREFIX))
                .map(SessionsResult::parse).toList();
        assertThat(parsed).extracting(SessionsResult::kind, SessionsResult::sessions, SessionsResult::errors)
                .containsExactly(tuple("bare", 20, 0L), tuple("wamp", 20, 0L));
        assertThat(text).contains("# heap growth per session, target=app kind=wamp");
    }
}
