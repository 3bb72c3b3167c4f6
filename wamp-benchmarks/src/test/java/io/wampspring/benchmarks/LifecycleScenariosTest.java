package io.wampspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;

import io.wampspring.benchmarks.lifecycle.ChurnMode;
import io.wampspring.benchmarks.lifecycle.LifecycleConfig;
import io.wampspring.benchmarks.lifecycle.LifecycleMain;
import io.wampspring.benchmarks.lifecycle.LifecycleResult;
import io.wampspring.benchmarks.lifecycle.LifecycleScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs each lifecycle scenario briefly against the real router on Tomcat (this JVM is the server, so its own CPU
 * time is the server's): the client speaks WebSocket and WAMP correctly, every exchange is checked, and the
 * figures are consistent. Not a benchmark: no figure is compared with a speed.
 */
@SpringBootTest(classes = LoadClientTest.BenchApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "wamp.path=/ws", "wamp.realms[0].name=realm1"})
class LifecycleScenariosTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(ChurnMode.class)
    void churnOpensAndClosesSessionsAndCountsTheServersCpu(ChurnMode mode) throws Exception {
        LifecycleConfig config = config(LifecycleScenario.CHURN).with(8, Duration.ofMillis(300),
                Duration.ofSeconds(1), mode, 1, 1, ProcessHandle.current().pid());

        LifecycleResult result = LifecycleMain.run(config, System.err);

        assertThat(result.errors()).as("errors").isZero();
        assertThat(result.fields()).containsEntry("mode", mode.id());
        double sessions = result.number("sessions");
        assertThat(sessions).as("sessions in the measured second").isGreaterThan(8);
        assertThat(result.number("sessions_per_s")).isCloseTo(sessions / result.number("duration_s"),
                within(0.01 * sessions));
        assertThat(result.number("p50_ms")).isPositive().isLessThanOrEqualTo(result.number("p99_ms"));
        assertThat(result.number("server_cpu_s")).isPositive();
        assertThat(result.number("server_cpu_us_per_session"))
                .isCloseTo(result.number("server_cpu_s") * 1e6 / sessions, within(0.01 * 1e6));
        assertThat(LifecycleResult.parse(result.toLine())).isEqualTo(result);
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleScenario.class, names = {"CALLEE_DROP_FIN", "CALLEE_DROP_RST"})
    void everyWaitingCallerOfADroppedCalleeGetsItsError(LifecycleScenario scenario) throws Exception {
        LifecycleConfig config = config(scenario).with(2, Duration.ZERO, Duration.ofSeconds(1), ChurnMode.FRESH, 5,
                3, null);

        LifecycleResult result = LifecycleMain.run(config, System.err);

        assertThat(result.errors()).as("errors").isZero();
        assertThat(result.number("samples")).as("one ERROR per waiting caller and drop").isEqualTo(15);
        assertThat(result.number("load_calls_per_s")).as("the background load ran").isPositive();
        assertThat(result.number("p50_ms")).isLessThanOrEqualTo(result.number("p99_ms"));
        assertThat(result.number("p99_ms")).isLessThanOrEqualTo(result.number("max_ms"));
        assertThat(result.fields()).containsEntry("scenario", scenario.id());
    }

    @Test
    void lifecycleScenariosAreFoundByIdAndTheOthersAreNot() {
        assertThat(LifecycleScenario.find("churn")).isEqualTo(LifecycleScenario.CHURN);
        assertThat(LifecycleScenario.find("callee-drop-rst")).isEqualTo(LifecycleScenario.CALLEE_DROP_RST);
        assertThat(LifecycleScenario.find("rpc-remote")).isNull();
    }

    private LifecycleConfig config(LifecycleScenario scenario) {
        return LifecycleConfig.defaults(URI.create("ws://127.0.0.1:" + port), scenario);
    }
}
