package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.spring.annotation.Invoke;
import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.core.RegisterOptions;
import io.wampspring.spring.core.WampRegistration;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Procedures registered from Java code through {@link WampTemplate#register}. */
class WampTemplateRegisterIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WampTemplate template;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void aLambdaServesRemoteCallersUntilUnregistered(String serializer) {
        String procedure = "test.lambda." + serializer + ".greet";
        WampRegistration registration = TestWampClient.await(template.register(procedure, RegisterOptions.DEFAULTS,
                call -> "hello " + call.args().get(0)));
        TestWampClient client = join(serializer);

        assertThat(client.callForValue(procedure, "world")).isEqualTo("hello world");

        TestWampClient.await(registration.unregister());
        ErrorMessage error = client.callForError(procedure, List.of("again"), null);
        assertThat(error.error()).isEqualTo("wamp.error.no_such_procedure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "cbor"})
    void aPatternLambdaLearnsTheCalledUriAndMayAnswerLater(String serializer) {
        String prefix = "test.lambda." + serializer + ".items.";
        TestWampClient.await(template.register(prefix, RegisterOptions.DEFAULTS.withMatch(Match.PREFIX)
                .withInvoke(Invoke.ROUNDROBIN), call -> CompletableFuture.supplyAsync(() -> Map.of(
                        "called", call.procedure(), "registered", call.registeredProcedure()))));
        TestWampClient client = join(serializer);

        assertThat(client.callForValue(prefix + "42.get")).isEqualTo(Map.of(
                "called", prefix + "42.get", "registered", prefix));
    }
}
