package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binding rules of {@code @WampProcedure} methods, called by a remote client over a real WebSocket with each
 * serializer.
 */
class ProcedureBindingIntegrationTests extends AbstractWampIntegrationTests {

    private static final Map<String, Object> ADA = Map.of("name", "Ada", "age", 36);
    private static final Map<String, Object> ALAN = Map.of("name", "Alan", "age", 41);

    @Autowired
    BindingEndpoints endpoints;

    @AllSerializers
    void positionalArgumentsBindInOrder(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.add", 2, 3)).isEqualTo(5L);
        assertThat(client.callForValue("test.repeat", "ab", 3)).isEqualTo("ababab");
    }

    @AllSerializers
    void keywordArgumentsBindByParameterName(String serializer) {
        TestWampClient client = join(serializer);
        // in reverse order, so that binding by position would give "ba..." rather than "ab"
        Result result = client.callForResult("test.repeat", List.of(), Map.of("times", 2, "text", "ab"));
        assertThat(result.payload().args()).containsExactly("abab");
        assertThat(client.callForResult("test.add", List.of(40), Map.of("b", 2)).payload().args())
                .containsExactly(42L);
    }

    @AllSerializers
    void singleRecordParameterBindsFromKwargs(String serializer) {
        TestWampClient client = join(serializer);
        Result result = client.callForResult("test.greet", List.of(), ADA);
        assertThat(result.payload().args()).containsExactly("Hello Ada (36)");
    }

    @AllSerializers
    void singleRecordParameterBindsFromOneMapInArgs(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.greet", ALAN)).isEqualTo("Hello Alan (41)");
    }

    @AllSerializers
    void listOfRecordsBindsWithItsElementType(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.people.total_age", List.of(ADA, ALAN))).isEqualTo(77L);
        // a record comes back as a dictionary
        assertThat(client.callForValue("test.people.oldest", List.of(ADA, ALAN)))
                .isEqualTo(Map.of("name", "Alan", "age", 41L));
    }

    @AllSerializers
    void mapOfIntegersBindsWithItsValueType(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.scores.sum", Map.of("ada", 3, "alan", 4, "grace", 5))).isEqualTo(12L);
        // the same map as kwargs: a single map parameter takes them as a whole
        assertThat(client.callForResult("test.scores.sum", List.of(), Map.of("x", 10, "y", 11)).payload().args())
                .containsExactly(21L);
    }

    @AllSerializers
    void optionalParameterIsEmptyWhenAbsent(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.repeat", "x")).isEqualTo("x");
        assertThat(client.callForValue("test.repeat", "x", 4)).isEqualTo("xxxx");
        assertThat(client.callForResult("test.repeat", List.of(), Map.of("text", "y", "times", 2)).payload().args())
                .containsExactly("yy");
    }

    @AllSerializers
    void callContextNeverConsumesAnArgument(String serializer) {
        TestWampClient client = join(serializer);
        for (String procedure : List.of("test.context.after", "test.context.before")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> description = (Map<String, Object>) client.callForValue(procedure, "v");
            assertThat(description).containsEntry("value", "v").containsEntry("procedure", procedure)
                    .containsEntry("args", List.of("v"));
            assertThat((Long) description.get("registration")).isPositive();
            // the context takes no argument's place, so a second argument is one too many
            ErrorMessage error = client.callForError(procedure, List.of("v", "w"), null);
            assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
        }
    }

    @AllSerializers
    void aMethodTakingOnlyTheContextReceivesTheRawPayload(String serializer) {
        TestWampClient client = join(serializer);
        Result result = client.callForResult("test.context.raw", List.of("a", 2, true), Map.of("k", "v"));
        assertThat(result.payload().args()).containsExactly("a", 2L, true);
        assertThat(result.payload().kwargs()).containsExactly(Map.entry("k", "v"));
    }

    @AllSerializers
    void returnValueBecomesTheOnlyArgument(String serializer) {
        TestWampClient client = join(serializer);
        Result result = client.callForResult("test.add", List.of(1, 1), null);
        assertThat(result.payload().args()).containsExactly(2L);
        assertThat(result.payload().kwargs()).isNull();
    }

    @AllSerializers
    void wampResultSetsArgsAndKwargs(String serializer) {
        TestWampClient client = join(serializer);
        Result result = client.callForResult("test.result", List.of(3, 4), null);
        assertThat(result.payload().args()).containsExactly(3L, 4L);
        assertThat(result.payload().kwargs()).isEqualTo(Map.of("sum", 7L));
    }

    @AllSerializers
    void completionStageIsAwaited(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("test.async", "later")).isEqualTo("LATER");
        ErrorMessage error = client.callForError("test.async.fail", null, null);
        assertThat(error.error()).isEqualTo("test.error.late");
        assertThat(error.payload().args()).containsExactly("too late");
        assertThat(error.payload().kwargs()).isEqualTo(Map.of("code", 7L));
    }

    @AllSerializers
    void voidMethodYieldsAnEmptyResult(String serializer) {
        TestWampClient client = join(serializer);
        String token = "void-" + serializer;
        Result result = client.callForResult("test.void", List.of(token), null);
        assertThat(result.payload().isEmpty()).isTrue();
        assertThat(endpoints.remembered).contains(token);
    }

    @AllSerializers
    void thrownWampExceptionKeepsUriArgsAndKwargs(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("test.fail.application", null, null);
        assertThat(error.error()).isEqualTo("test.error.out_of_stock");
        assertThat(error.payload().args()).containsExactly("book", 0L);
        assertThat(error.payload().kwargs()).isEqualTo(Map.of("item", "book", "available", 0L));
    }

    @AllSerializers
    void conversionFailureIsInvalidArgument(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("test.add", List.of("two", 3), null);
        assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
        assertThat(error.payload().args()).isNotEmpty();
        assertThat(error.payload().args().get(0)).asString().contains("'a'");
        ErrorMessage wrongRecord = client.callForError("test.people.total_age", List.of(List.of("not a person")),
                null);
        assertThat(wrongRecord.error()).isEqualTo("wamp.error.invalid_argument");
    }

    @AllSerializers
    void tooManyArgumentsIsInvalidArgument(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("test.add", List.of(1, 2, 3), null);
        assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
        assertThat(error.payload().args().get(0)).asString().contains("at most 2");
    }

    @AllSerializers
    void missingPrimitiveArgumentIsInvalidArgument(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("test.add", List.of(1), null);
        assertThat(error.error()).isEqualTo("wamp.error.invalid_argument");
        assertThat(error.payload().args().get(0)).asString().contains("'b'");
    }

    @AllSerializers
    void otherExceptionIsRuntimeErrorWithoutStackTrace(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("test.fail.runtime", null, null);
        assertThat(error.error()).isEqualTo("wamp.error.runtime_error");
        assertThat(error.payload().args()).hasSize(1);
        String message = (String) error.payload().args().get(0);
        assertThat(message).contains("database unavailable")
                .doesNotContain("\tat ", "\n", "Exception", "io.wampspring", "BindingEndpoints");
        assertThat(error.payload().kwargs()).isNull();
    }

    @AllSerializers
    void unknownProcedureIsNoSuchProcedure(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForError("test.nobody.home", null, null).error())
                .isEqualTo("wamp.error.no_such_procedure");
    }
}
