package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotated pattern-based registrations ({@code match = PREFIX | WILDCARD}) called by remote clients: the method
 * learns the URI actually called; an exact registration beats a prefix one, a longer prefix a shorter one, and any
 * prefix a wildcard.
 */
class AdvancedRpcPatternIntegrationTests extends AbstractWampIntegrationTests {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> served(TestWampClient client, String procedure, Object... args) {
        return (Map<String, Object>) client.callForValue(procedure, args);
    }

    @AllSerializers
    void prefixRegistrationServesEveryUriUnderItWithTheCalledUri(String serializer) {
        TestWampClient client = join(serializer);
        for (String called : List.of("com.test.items.42.get", "com.test.items.7.delete", "com.test.items.x")) {
            Map<String, Object> served = served(client, called);
            assertThat(served).containsEntry("handler", "prefix").containsEntry("procedure", called)
                    .containsEntry("registered", "com.test.items.")
                    .containsEntry("details_procedure", called);
        }
    }

    @AllSerializers
    void wildcardRegistrationServesMatchingUrisAndStillBindsArguments(String serializer) {
        TestWampClient client = join(serializer);
        Map<String, Object> served = served(client, "com.test.orders.get", "first");
        assertThat(served).containsEntry("handler", "wildcard").containsEntry("procedure", "com.test.orders.get")
                .containsEntry("registered", "com.test..get").containsEntry("argument", "first");
        assertThat(served(client, "com.test.users.get", "x")).containsEntry("procedure", "com.test.users.get");
        // the context takes no argument's place: a second argument is one too many
        ErrorMessage tooMany = client.callForError("com.test.orders.get", List.of("a", "b"), null);
        assertThat(tooMany.error()).isEqualTo("wamp.error.invalid_argument");
    }

    @AllSerializers
    void exactBeatsPrefixAndLongerPrefixBeatsShorter(String serializer) {
        TestWampClient client = join(serializer);
        Map<String, Object> exact = served(client, "com.test.items.special.get");
        assertThat(exact).containsEntry("handler", "exact").containsEntry("procedure", "com.test.items.special.get")
                .containsEntry("registered", "com.test.items.special.get")
                // an exact registration's INVOCATION carries no procedure
                .containsEntry("details_procedure", "null");
        assertThat(served(client, "com.test.items.vip.7.get")).containsEntry("handler", "vip")
                .containsEntry("procedure", "com.test.items.vip.7.get");
        // a URI that extends the exact one is not the exact one: the prefix serves it
        assertThat(served(client, "com.test.items.special.get.more")).containsEntry("handler", "prefix");
    }

    @AllSerializers
    void prefixBeatsWildcard(String serializer) {
        TestWampClient client = join(serializer);
        // matches com.test.items. (prefix) and com.test..get (wildcard)
        assertThat(served(client, "com.test.items.get", "x")).containsEntry("handler", "prefix")
                .containsEntry("procedure", "com.test.items.get");
        // matches the wildcard only
        assertThat(served(client, "com.test.stock.get", "y")).containsEntry("handler", "wildcard");
    }

    @AllSerializers
    void aUriNoPatternMatchesHasNoProcedure(String serializer) {
        TestWampClient client = join(serializer);
        // one component too many for the wildcard, under no prefix
        assertThat(client.callForError("com.test.orders.7.get", null, null).error())
                .isEqualTo("wamp.error.no_such_procedure");
        assertThat(client.callForError("com.test.items", null, null).error())
                .isEqualTo("wamp.error.no_such_procedure");
    }

    @AllSerializers
    @SuppressWarnings("unchecked")
    void aRemoteExactRegistrationUnderAnAnnotatedPrefixTakesItsCalls(String serializer) {
        TestWampClient callee = join(serializer);
        TestWampClient caller = join(serializer);
        String uri = "com.test.items.remote_" + serializer + ".get";
        long registration = callee.register(uri, Map.of(), invocation -> io.wampspring.router.message.Payload.of(
                List.of("remote"), null));
        assertThat(caller.callForValue(uri)).isEqualTo("remote");
        callee.unregister(registration);
        // back to the annotated prefix once the exact registration is gone
        Result result = caller.callForResult(uri, null, null);
        assertThat(result.payload().args()).hasSize(1);
        assertThat((Map<String, Object>) result.payload().args().get(0)).containsEntry("handler", "prefix");
    }

    @AllSerializers
    void aRemoteCalleeCannotRegisterAnAnnotatedPatternAgain(String serializer) {
        TestWampClient callee = join(serializer);
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of("match", "prefix"),
                Map.of("match", "prefix", "invoke", "roundrobin"))) {
            assertThat(callee.registerWith("com.test.items.", options)).as("prefix with %s", options)
                    .isInstanceOfSatisfying(ErrorMessage.class, error -> assertThat(error.error())
                            .isEqualTo("wamp.error.procedure_already_exists"));
        }
        assertThat(callee.registerWith("com.test..get", Map.of("match", "wildcard")))
                .isInstanceOfSatisfying(ErrorMessage.class, error -> assertThat(error.error())
                        .isEqualTo("wamp.error.procedure_already_exists"));
        // an empty component is a pattern only under the wildcard policy
        assertThat(callee.registerWith("com.test..get", Map.of())).isInstanceOfSatisfying(ErrorMessage.class,
                error -> assertThat(error.error()).isEqualTo("wamp.error.invalid_uri"));
    }
}
