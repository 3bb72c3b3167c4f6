package io.wampspring.spring.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.spring.it.ResolverConfiguration.InvocationSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application's {@code WampArgumentResolver} beans and the caller resolver, called by a remote client. Its own
 * application context, so that the other tests run without these resolvers.
 */
@Import({ResolverConfiguration.class, ResolverEndpoints.class})
class ArgumentResolverIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    ResolverEndpoints endpoints;

    @AllSerializers
    void applicationResolversFillTheirParametersWithoutTakingAnArgumentsPlace(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.resolver.stamp", "hi")).isEqualTo(Map.of("text", "hi",
                "at", "2026-01-02T03:04:05Z", "kind", "call", "positional", 1L));
        // one value parameter: a second argument is one too many
        ErrorMessage error = client.callForError("test.resolver.stamp", List.of("hi", "there"), null);
        assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
        assertThat(error.payload().args()).containsExactly("expected at most 1 positional arguments, got 2");
    }

    @AllSerializers
    void resolversAreAskedInTheirOrder(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.resolver.greeting")).isEqualTo("from the earlier resolver");
    }

    @AllSerializers
    void aResolversWampExceptionReachesTheCaller(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("test.resolver.refused", null, null);
        assertThat(error.error()).isEqualTo("test.error.refused");
        assertThat(error.payload().args()).containsExactly("not today");
    }

    @AllSerializers
    void anUndisclosedCallerIsEmptyAndTakesNoArgumentsPlace(String serializer) {
        TestWampClient client = join(serializer);
        // the CALL does not ask for disclosure and the registration does not either
        assertThat(client.callForValue("test.resolver.caller", "x")).isEqualTo("undisclosed: x");
        assertThat(client.callForError("test.resolver.caller", List.of("x", "y"), null).error())
                .isEqualTo("wamp.error.invalid_argument");
    }

    @AllSerializers
    void topicMethodsUseApplicationResolvers(String serializer) {
        TestWampClient publisher = join(serializer);
        String token = "resolved-" + serializer;
        publisher.publishAcknowledged("test.resolver.topic", List.of(token), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoints.events.containsKey(token));
        assertThat(endpoints.events.get(token)).isEqualTo(new InvocationSummary("event", 1));
    }
}
