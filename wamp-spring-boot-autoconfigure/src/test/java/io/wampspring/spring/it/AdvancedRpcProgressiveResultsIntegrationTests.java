package io.wampspring.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progressive results from annotated methods to remote callers: through a {@link io.wampspring.spring.binding
 * .WampProgress} parameter, and from Flux, Mono and Flow.Publisher return values (every item but the last is a
 * progressive result, the last is the final one). A caller that did not ask for progress gets the final result only.
 */
class AdvancedRpcProgressiveResultsIntegrationTests extends AbstractWampIntegrationTests {

    private static final Map<String, Object> RECEIVE_PROGRESS = Map.of("receive_progress", true);

    private TestWampClient caller(String serializer) {
        TestWampClient client = connect(serializer);
        client.hello("realm1", TestWampClient.advancedHelloDetails());
        return client;
    }

    /** The final RESULT of a call, after which every progressive RESULT has arrived (one WebSocket, in order). */
    private static Result finalResult(TestWampClient.CallHandle call) {
        WampMessage reply = call.awaitReply();
        assertThat(reply).as("final answer").isInstanceOf(Result.class);
        Result result = (Result) reply;
        assertThat(result.details()).doesNotContainKey("progress");
        return result;
    }

    /** The single argument of each progressive RESULT received so far. */
    private static List<Object> progressValues(TestWampClient.CallHandle call) {
        List<Object> values = new ArrayList<>();
        for (Result result : call.progress()) {
            assertThat(result.details()).containsEntry("progress", true);
            assertThat(result.request()).isEqualTo(call.request());
            assertThat(result.payload().args()).hasSize(1);
            values.add(result.payload().args().get(0));
        }
        return values;
    }

    @AllSerializers
    void wampProgressSendsEachPartialResultInOrderBeforeTheFinalOne(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.progress.count", List.of(5),
                null);
        Result result = finalResult(call);
        assertThat(progressValues(call)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(result.payload().args()).containsExactly(Map.of("done", 5L, "requested", true, "sent", 5L));
    }

    @AllSerializers
    void wampProgressSendsNothingToACallerThatDidNotAsk(String serializer) {
        TestWampClient client = caller(serializer);
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of(),
                Map.of("receive_progress", false))) {
            TestWampClient.CallHandle call = client.callWith(options, "com.test.progress.count", List.of(3), null);
            Result result = finalResult(call);
            assertThat(call.progress()).as("progress with %s", options).isEmpty();
            assertThat(result.payload().args()).containsExactly(Map.of("done", 3L, "requested", false, "sent", 0L));
        }
    }

    @AllSerializers
    void fluxItemsAreProgressThenTheLastIsFinal(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.progress.flux", List.of(4),
                null);
        Result result = finalResult(call);
        assertThat(progressValues(call)).containsExactly("item 1", "item 2", "item 3");
        assertThat(result.payload().args()).containsExactly("item 4");
    }

    @AllSerializers
    void fluxGivesTheLastItemOnlyToACallerThatDidNotAsk(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.progress.flux", List.of(4), null);
        Result result = finalResult(call);
        assertThat(call.progress()).isEmpty();
        assertThat(result.payload().args()).containsExactly("item 4");
        // the plain client of the basic profile, too
        assertThat(join(serializer).callForValue("com.test.progress.flux", 2)).isEqualTo("item 2");
    }

    @AllSerializers
    void aSingleItemFluxAndAMonoGiveOnlyAFinalResult(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle one = client.callWith(RECEIVE_PROGRESS, "com.test.progress.flux", List.of(1),
                null);
        assertThat(finalResult(one).payload().args()).containsExactly("item 1");
        assertThat(one.progress()).isEmpty();
        TestWampClient.CallHandle mono = client.callWith(RECEIVE_PROGRESS, "com.test.progress.mono", List.of("m"),
                null);
        assertThat(finalResult(mono).payload().args()).containsExactly("M");
        assertThat(mono.progress()).isEmpty();
    }

    @AllSerializers
    void anEmptyFluxGivesAnEmptyResult(String serializer) {
        TestWampClient client = caller(serializer);
        for (Map<String, Object> options : List.<Map<String, Object>>of(RECEIVE_PROGRESS, Map.of())) {
            TestWampClient.CallHandle call = client.callWith(options, "com.test.progress.empty", null, null);
            Result result = finalResult(call);
            assertThat(result.payload().isEmpty()).as("payload %s", result.payload()).isTrue();
            assertThat(call.progress()).isEmpty();
        }
    }

    @AllSerializers
    void aFluxFailingWithAWampExceptionGivesItsErrorAfterTheProgressSoFar(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.progress.failing",
                List.of("wamp"), null);
        WampMessage reply = call.awaitReply();
        assertThat(reply).isInstanceOf(ErrorMessage.class);
        ErrorMessage error = (ErrorMessage) reply;
        assertThat(error.error()).isEqualTo("com.test.error.stream_broken");
        assertThat(error.payload().args()).containsExactly("at", 2L);
        assertThat(error.payload().kwargs()).isEqualTo(Map.of("kind", "wamp"));
        // "b" was held back as the possible last item; "a" had gone out as progress
        assertThat(progressValues(call)).containsExactly("a");
    }

    @AllSerializers
    void aFluxFailingWithAnyOtherExceptionGivesARuntimeError(String serializer) {
        TestWampClient client = caller(serializer);
        for (Map<String, Object> options : List.<Map<String, Object>>of(RECEIVE_PROGRESS, Map.of())) {
            TestWampClient.CallHandle call = client.callWith(options, "com.test.progress.failing", List.of("other"),
                    null);
            WampMessage reply = call.awaitReply();
            assertThat(reply).isInstanceOf(ErrorMessage.class);
            ErrorMessage error = (ErrorMessage) reply;
            assertThat(error.error()).isEqualTo("wamp.error.runtime_error");
            assertThat(error.payload().args()).containsExactly("the stream broke");
        }
    }

    @AllSerializers
    void aFlowPublisherStreamsLikeAFlux(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.progress.publisher",
                List.of(3), null);
        Result result = finalResult(call);
        assertThat(progressValues(call)).containsExactly(10L, 20L);
        assertThat(result.payload().args()).containsExactly(30L);

        TestWampClient.CallHandle quiet = client.callWith(Map.of(), "com.test.progress.publisher", List.of(3), null);
        assertThat(finalResult(quiet).payload().args()).containsExactly(30L);
        assertThat(quiet.progress()).isEmpty();
    }

    @AllSerializers
    void concurrentProgressiveCallsOfOneCallerKeepTheirOwnResults(String serializer) {
        TestWampClient client = caller(serializer);
        List<TestWampClient.CallHandle> calls = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            calls.add(client.callWith(RECEIVE_PROGRESS, "com.test.progress.count", List.of(10 * n), null));
        }
        for (int n = 1; n <= 4; n++) {
            TestWampClient.CallHandle call = calls.get(n - 1);
            Result result = finalResult(call);
            List<Object> expected = new ArrayList<>();
            for (long i = 1; i <= 10L * n; i++) {
                expected.add(i);
            }
            assertThat(progressValues(call)).isEqualTo(expected);
            assertThat(((Map<?, ?>) result.payload().args().get(0)).get("done")).isEqualTo(10L * n);
        }
    }
}
