package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.wampspring.spring.annotation.WampProcedure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Runs every scenario of the load client for about a second against the real router (the starter's
 * auto-configuration on Tomcat, an annotated {@code com.example.add2} like the sample app's) and a plain echo at
 * {@code /echo} like the sample app's {@code benchmark} profile: proves the client speaks WAMP correctly, checks
 * every answer, measures, and stops by itself. Not a benchmark: the numbers are not asserted.
 */
@SpringBootTest(classes = LoadClientTest.BenchApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.path=/ws", "wamp.realms[0].name=realm1"})
class LoadClientTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void runsEachScenarioAgainstTheRouterWithoutErrors(Scenario scenario) throws Exception {
        BenchmarkConfig config = BenchmarkConfig.defaults(URI.create("ws://127.0.0.1:" + port), scenario)
                .withTiming(50, Duration.ofMillis(300), Duration.ofSeconds(1));

        BenchmarkResult result = LoadRun.run(config, 1, System.err);

        assertThat(result.scenario()).isEqualTo(scenario.id());
        assertThat(result.errors()).as("errors").isZero();
        assertThat(result.ops()).as("operations in the measured second").isGreaterThan(50);
        assertThat(result.durationSeconds()).isBetween(0.95, 1.5);
        assertThat(result.opsPerSecond()).isCloseTo(result.ops() / result.durationSeconds(),
                within(0.01));
        assertThat(result.p50Micros()).isPositive();
        assertThat(result.p50Micros()).isLessThanOrEqualTo(result.p99Micros());
        assertThat(result.p99Micros()).isLessThanOrEqualTo(result.p999Micros());
        assertThat(result.p999Micros()).isLessThanOrEqualTo(result.maxMicros());

        BenchmarkResult parsed = BenchmarkResult.parse(result.toLine());
        assertThat(parsed.scenario()).isEqualTo(result.scenario());
        assertThat(parsed.ops()).isEqualTo(result.ops());
        assertThat(parsed.errors()).isEqualTo(result.errors());

        if (scenario == Scenario.PUBSUB_FANOUT) {
            BenchmarkResult.Fanout fanout = result.fanout();
            assertThat(fanout).isNotNull();
            assertThat(fanout.subscribers()).isEqualTo(config.subscribers());
            // every publication completed in the window brought one event per subscriber; the windows of
            // publications and of events differ only by what was in flight at either end
            long slack = 2L * config.window() * config.subscribers();
            assertThat(fanout.events()).isBetween(result.ops() * config.subscribers() - slack,
                    result.ops() * config.subscribers() + slack);
            assertThat(parsed.fanout().events()).isEqualTo(fanout.events());
        }
        else {
            assertThat(result.fanout()).isNull();
        }
    }

    /** The router with one annotated procedure, plus the plain echo the benchmark compares it with. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(BenchApp.Calculator.class)
    static class BenchApp {

        @Bean
        WebSocketHandlerMapping echoHandlerMapping() {
            WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
            mapping.setUrlMap(Map.of("/echo",
                    new WebSocketHttpRequestHandler(new Echo(), new DefaultHandshakeHandler())));
            mapping.setOrder(-2);
            return mapping;
        }

        @Component
        static class Calculator {

            @WampProcedure("com.example.add2")
            public long add2(long a, long b) {
                return a + b;
            }
        }

        static class Echo extends TextWebSocketHandler {

            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                session.sendMessage(message);
            }
        }
    }
}
