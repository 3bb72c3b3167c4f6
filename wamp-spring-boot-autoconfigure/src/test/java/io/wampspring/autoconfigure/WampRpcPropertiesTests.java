package io.wampspring.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.wampspring.router.Disclosure;
import io.wampspring.router.RpcConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.match.MatchPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The dealer's and the handshake's settings reach the router. */
class WampRpcPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(JacksonAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
                    WampAutoConfiguration.class));

    @Test
    void defaultsLeaveCallsWithoutTimeoutAndDiscloseOnRequest() {
        runner.run(context -> {
            WampRouter router = context.getBean(WampRouter.class);
            RpcConfig rpc = router.realm("realm1").dealer().rpc();
            assertThat(rpc.callerDisclosure()).isEqualTo(Disclosure.ON_REQUEST);
            assertThat(router.realm("realm1").broker().config().publisherDisclosure())
                    .isEqualTo(Disclosure.ON_REQUEST);
            assertThat(rpc.defaultCallTimeout()).isZero();
            assertThat(rpc.procedureTimeouts()).isEmpty();
            assertThat(router.config().handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void timeoutsAndDisclosureAreBound() {
        runner.withPropertyValues("wamp.rpc.call-timeout=30s",
                "wamp.rpc.procedure-timeouts[0].procedure=com.shop.report.",
                "wamp.rpc.procedure-timeouts[0].match=prefix",
                "wamp.rpc.procedure-timeouts[0].timeout=2m",
                "wamp.rpc.procedure-timeouts[1].procedure=com.shop.ping",
                "wamp.rpc.procedure-timeouts[1].timeout=500ms",
                "wamp.realms[0].name=realm1", "wamp.realms[0].caller-disclosure=always",
                "wamp.realms[1].name=private", "wamp.realms[1].caller-disclosure=never",
                "wamp.realms[1].publisher-disclosure=always",
                "wamp.handshake-timeout=3s").run(context -> {
                    assertThat(context).hasNotFailed();
                    WampRouter router = context.getBean(WampRouter.class);
                    RpcConfig realm1 = router.realm("realm1").dealer().rpc();
                    assertThat(realm1.callerDisclosure()).isEqualTo(Disclosure.ALWAYS);
                    assertThat(realm1.defaultCallTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(realm1.procedureTimeouts()).containsExactly(
                            new RpcConfig.ProcedureTimeout(MatchPolicy.PREFIX, "com.shop.report.",
                                    Duration.ofMinutes(2)),
                            new RpcConfig.ProcedureTimeout(MatchPolicy.EXACT, "com.shop.ping", Duration.ofMillis(500)));
                    assertThat(router.realm("private").dealer().rpc().callerDisclosure())
                            .isEqualTo(Disclosure.NEVER);
                    assertThat(router.realm("private").broker().config().publisherDisclosure())
                            .isEqualTo(Disclosure.ALWAYS);
                    assertThat(router.realm("realm1").broker().config().publisherDisclosure())
                            .isEqualTo(Disclosure.ON_REQUEST);
                    assertThat(router.config().handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(List.of(router.realm("private").dealer().rpc().defaultCallTimeout()))
                            .containsExactly(Duration.ofSeconds(30));
                });
    }
}
