package io.wampspring.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import io.wampspring.spring.binding.WampPayloadConverter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WampTemplateAfterShutdownTests {

    @Test
    void operationsAfterTheRouterShutDownFailTheirFutureInsteadOfThrowing() {
        WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
        WampLocalSessions sessions = new WampLocalSessions(router, Runnable::run, "spring", "trusted", 100);
        WampTemplate template = new WampTemplate(sessions, new WampPayloadConverter(JsonMapper.builder().build()),
                "realm1");
        sessions.close();
        router.shutdown(Duration.ZERO);

        assertThat(template.call("com.example.add2", Long.class, 1, 2))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(WampException.class,
                        ex -> assertThat(ex.uri()).isEqualTo(WampUris.CLOSE_SYSTEM_SHUTDOWN));
        assertThat(template.publish("com.example.topic", 1)).failsWithin(Duration.ofSeconds(5));
    }
}
