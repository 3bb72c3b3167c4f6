package io.wampspring.spring.it;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values outside the router's value model returned by annotated methods reach remote callers of every serializer
 * as the numbers, strings, lists and dictionaries the converter makes of them, on every path a result takes; and a
 * value nothing can convert or serialize gives the caller an ERROR, never silence.
 */
class AdvancedRpcResultValuesIntegrationTests extends AbstractWampIntegrationTests {

    private static final Map<String, Object> RECEIVE_PROGRESS = Map.of("receive_progress", true);

    @Autowired
    CancelEndpoints cancels;

    private TestWampClient caller(String serializer) {
        TestWampClient client = connect(serializer);
        client.hello("realm1", TestWampClient.advancedHelloDetails());
        return client;
    }

    private static Result result(WampMessage reply) {
        assertThat(reply).isInstanceOf(Result.class);
        return (Result) reply;
    }

    private static ErrorMessage error(WampMessage reply) {
        assertThat(reply).isInstanceOf(ErrorMessage.class);
        return (ErrorMessage) reply;
    }

    @AllSerializers
    void anAtomicLongArrivesAsANumber(String serializer) {
        TestWampClient client = join(serializer);
        assertThat(client.callForValue("com.test.values.atomic", 42)).isEqualTo(42L);
        // integers up to 2^53 stay exact
        assertThat(client.callForValue("com.test.values.atomic", 1L << 53)).isEqualTo(1L << 53);
    }

    @AllSerializers
    void valuesOutsideTheModelInArgsAndKwargsArriveConverted(String serializer) {
        TestWampClient client = join(serializer);
        Result result = client.callForResult("com.test.values.mixed", null, null);
        assertThat(result.payload().args()).containsExactly(7L, 2.5, "HIGH", List.of(1L, 2L));
        assertThat(result.payload().kwargs()).isEqualTo(Map.of("count", 3L, "by_key", Map.of("1", "one")));
    }

    @AllSerializers
    void anAtomicLongFromAFutureArrivesAsANumber(String serializer) {
        assertThat(join(serializer).callForValue("com.test.values.atomic.async", 9)).isEqualTo(9L);
    }

    @AllSerializers
    void atomicLongsSentAsProgressArriveAsNumbers(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.values.atomic.progress",
                List.of(5), null);
        assertThat(result(call.awaitReply()).payload().args()).containsExactly(5L);
        assertThat(call.progress()).hasSize(1);
        assertThat(call.progress().peek().payload().args()).containsExactly(4L);
    }

    @AllSerializers
    void atomicLongsStreamedByAFluxArriveAsNumbers(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.values.atomic.flux",
                List.of(8), null);
        assertThat(result(call.awaitReply()).payload().args()).containsExactly(8L);
        assertThat(call.progress()).hasSize(1);
        assertThat(call.progress().peek().payload().args()).containsExactly(7L);
    }

    @AllSerializers
    void atomicLongsInAWampExceptionArriveAsNumbers(String serializer) {
        TestWampClient client = join(serializer);
        ErrorMessage error = client.callForError("com.test.values.atomic.error", List.of(11), null);
        assertThat(error.error()).isEqualTo("com.test.error.counted");
        assertThat(error.payload().args()).containsExactly(11L);
        assertThat(error.payload().kwargs()).isEqualTo(Map.of("count", 12L));
    }

    @AllSerializers
    void anIntegerBeyondTheSerializersRangeGivesAnError(String serializer) {
        TestWampClient client = join(serializer);
        WampMessage reply = TestWampClient.await(client.call("com.test.values.big"));
        if (serializer.equals("msgpack")) {
            // MessagePack has no integer of 71 bits: the caller learns why, instead of waiting
            assertThat(error(reply).error()).isEqualTo("wamp.error.invalid_payload");
        }
        else {
            assertThat(result(reply).payload().args()).containsExactly(BigInteger.TWO.pow(70));
        }
    }

    @AllSerializers
    void aValueTheConverterCannotWriteGivesARuntimeError(String serializer) {
        TestWampClient client = caller(serializer);
        for (String procedure : List.of("com.test.values.unwritable", "com.test.values.unwritable.async")) {
            ErrorMessage error = client.callForError(procedure, null, null);
            assertThat(error.error()).as(procedure).isEqualTo("wamp.error.runtime_error");
            assertThat(error.payload().args().get(0)).asString().contains("cannot be read");
        }
    }

    @AllSerializers
    void anUnwritableStreamedItemGivesAnErrorToACallerThatAskedForProgress(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(RECEIVE_PROGRESS, "com.test.values.unwritable.flux",
                null, null);
        ErrorMessage error = error(call.awaitReply());
        assertThat(error.error()).isEqualTo("wamp.error.runtime_error");
        assertThat(error.payload().args().get(0)).asString().contains("cannot be read");
        assertThat(call.progress()).isEmpty();
    }

    @AllSerializers
    void aCallerThatDidNotAskForProgressGetsTheLastItemOfThatStream(String serializer) {
        // the unwritable item would only have been progress, which this caller does not receive
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.values.unwritable.flux", null, null);
        assertThat(result(call.awaitReply()).payload().args()).containsExactly("last");
    }

    /**
     * Many calls at once, more blocking ones than the task executor has threads, most of them timing out while
     * they wait for a thread: every call is answered, each as it should be.
     */
    @AllSerializers
    void everyCallIsAnsweredWithAResultOrAnError(String serializer) {
        TestWampClient client = caller(serializer);
        List<TestWampClient.CallHandle> calls = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        String token = "answered-" + serializer + "-" + System.nanoTime();
        for (int i = 0; i < 20; i++) {
            calls.add(client.callWith(Map.of("timeout", 50), "com.test.cancel.blocking", List.of(token + i), null));
            expected.add("wamp.error.timeout");
            calls.add(client.callWith(RECEIVE_PROGRESS, "com.test.values.atomic", List.of(i), null));
            expected.add("RESULT " + i);
            calls.add(client.callWith(RECEIVE_PROGRESS, "com.test.values.unwritable.flux", null, null));
            expected.add("wamp.error.runtime_error");
            calls.add(client.callWith(Map.of(), "com.test.values.unwritable.async", null, null));
            expected.add("wamp.error.runtime_error");
            calls.add(client.callWith(Map.of(), "com.test.values.atomic.error", List.of(i), null));
            expected.add("com.test.error.counted");
        }
        List<String> outcomes = new ArrayList<>();
        for (TestWampClient.CallHandle call : calls) {
            WampMessage reply = call.awaitReply();
            outcomes.add(reply instanceof Result result ? "RESULT " + result.payload().args().get(0)
                    : ((ErrorMessage) reply).error());
        }
        assertThat(outcomes).isEqualTo(expected);
        // the blocking methods were all interrupted, not left holding the executor's threads
        for (int i = 0; i < 20; i++) {
            assertThat(TestWampClient.await(cancels.probe(token + i).interrupted)).isEqualTo("killnowait");
        }
    }
}
