package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import io.wampspring.benchmarks.echo.EchoServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain echo servers (the ceilings) echo: the {@code echo} scenario runs against each for a second, and its
 * client checks every echo it gets back. Not a benchmark: the numbers are not asserted.
 */
class EchoServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"netty", "tomcat"})
    void echoesEveryMessageOfTheEchoScenario(String stack) throws Exception {
        try (EchoServer server = EchoServer.start(stack, 0)) {
            assertThat(server.port()).isPositive();
            BenchmarkConfig config = BenchmarkConfig.defaults(URI.create("ws://127.0.0.1:" + server.port()),
                    Scenario.ECHO).withTiming(20, Duration.ofMillis(300), Duration.ofSeconds(1));

            BenchmarkResult result = LoadRun.run(config, 1, System.err);

            assertThat(result.errors()).as("wrong or missing echoes").isZero();
            assertThat(result.ops()).as("echoes in the measured second").isGreaterThan(20);
        }
    }
}
