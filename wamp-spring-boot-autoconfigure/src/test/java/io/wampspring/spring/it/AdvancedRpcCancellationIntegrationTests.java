package io.wampspring.spring.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.WampException;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.WampResult;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Cancellation reaching annotated methods from remote callers: CANCEL kill interrupts a blocking method, cancels a
 * returned future or a stream's subscription, and the caller gets {@code wamp.error.canceled}; killnowait answers at
 * once and still interrupts; skip answers at once and drops the method's later result; a call timeout (the
 * caller's {@code timeout} option, or {@link CallOptions#withTimeout}) gives {@code wamp.error.timeout} and
 * interrupts the method.
 */
class AdvancedRpcCancellationIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    CancelEndpoints endpoints;

    @Autowired
    WampTemplate template;

    private TestWampClient caller(String serializer) {
        TestWampClient client = connect(serializer);
        client.hello("realm1", TestWampClient.advancedHelloDetails());
        return client;
    }

    private static String token(String test, String serializer) {
        return test + "-" + serializer + "-" + System.nanoTime();
    }

    private static <T> T await(CompletableFuture<T> future) {
        return TestWampClient.await(future);
    }

    private static ErrorMessage error(WampMessage reply, String uri) {
        assertThat(reply).isInstanceOf(ErrorMessage.class);
        ErrorMessage error = (ErrorMessage) reply;
        assertThat(error.error()).isEqualTo(uri);
        return error;
    }

    @AllSerializers
    void killInterruptsABlockingMethodAndTheCallerGetsCanceled(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("kill", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        try {
            TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.cancel.blocking", List.of(token),
                    null);
            WampCallContext context = await(probe.entered);
            assertThat(context.isCanceled()).isFalse();
            client.cancel(call.request(), "kill");

            // the method saw its context canceled with mode kill when its thread was interrupted
            assertThat(await(probe.interrupted)).isEqualTo("kill");
            assertThat(context.isCanceled()).isTrue();
            error(call.awaitReply(), "wamp.error.canceled");
            assertThat(probe.returned).isNotDone();
        }
        finally {
            probe.release.countDown();
        }
        // the session carries on
        assertThat(client.callForValue("test.add", 1, 2)).isEqualTo(3L);
    }

    @AllSerializers
    void killnowaitAnswersAtOnceAndInterruptsTheMethod(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("killnowait", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        try {
            TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.cancel.blocking", List.of(token),
                    null);
            await(probe.entered);
            client.cancel(call.request(), "killnowait");
            error(call.awaitReply(), "wamp.error.canceled");
            assertThat(await(probe.interrupted)).isEqualTo("killnowait");
        }
        finally {
            probe.release.countDown();
        }
    }

    @AllSerializers
    void killCancelsTheFutureAMethodReturned(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("future", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.cancel.future", List.of(token), null);
        WampCallContext context = await(probe.entered);
        client.cancel(call.request(), "kill");
        error(call.awaitReply(), "wamp.error.canceled");
        assertThat(probe.future).isCancelled();
        assertThat(context.isCanceled()).isTrue();
        assertThat(context.control().cancelMode()).isEqualTo("kill");
    }

    @AllSerializers
    void killCancelsTheSubscriptionOfAStream(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("stream", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        TestWampClient.CallHandle call = client.callWith(Map.of("receive_progress", true), "com.test.cancel.stream",
                List.of(token), null);
        Result first = call.nextProgress();
        assertThat(first.payload().args()).containsExactly("a");
        client.cancel(call.request(), "kill");
        error(call.awaitReply(), "wamp.error.canceled");
        await(probe.streamCancelled);
        assertThat(call.progress()).as("no progress after the first").isEmpty();
    }

    @AllSerializers
    void skipAnswersAtOnceAndDropsTheMethodsLaterResult(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("skip", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.cancel.future", List.of(token), null);
        WampCallContext context = await(probe.entered);
        client.cancel(call.request(), "skip");
        error(call.awaitReply(), "wamp.error.canceled");
        // skip does not tell the callee
        assertThat(probe.future).isNotDone();
        assertThat(context.isCanceled()).isFalse();

        // the method answers late: its YIELD reaches the router on this thread, and is dropped there
        probe.future.complete("late");
        // a RESULT for the canceled call would be queued ahead of this call's
        assertThat(client.callForValue("test.add", 2, 2)).isEqualTo(4L);
        assertThat(client.drainInbox()).as("messages after the cancellation").isEmpty();
    }

    @AllSerializers
    void skipLeavesABlockingMethodRunning(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("skip-blocking", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        try {
            TestWampClient.CallHandle call = client.callWith(Map.of(), "com.test.cancel.blocking", List.of(token),
                    null);
            await(probe.entered);
            client.cancel(call.request(), "skip");
            error(call.awaitReply(), "wamp.error.canceled");
            assertThat(probe.interrupted).isNotDone();
        }
        finally {
            probe.release.countDown();
        }
        assertThat(await(probe.returned)).isEqualTo("released " + token);
        assertThat(probe.interrupted).isNotDone();
    }

    @AllSerializers
    void aCallTimeoutGivesTimeoutAndInterruptsTheMethod(String serializer) {
        TestWampClient client = caller(serializer);
        String token = token("timeout", serializer);
        CancelEndpoints.Probe probe = endpoints.probe(token);
        try {
            TestWampClient.CallHandle call = client.callWith(Map.of("timeout", 300), "com.test.cancel.blocking",
                    List.of(token), null);
            ErrorMessage error = error(call.awaitReply(), "wamp.error.timeout");
            assertThat(error.request()).isEqualTo(call.request());
            // the dealer forwards the timeout to a callee that announced call_timeout
            assertThat(await(probe.entered).details()).containsEntry("timeout", 300L);
            // the router interrupts the callee without waiting: its answer has no place to go
            assertThat(await(probe.interrupted)).isEqualTo("killnowait");
        }
        finally {
            probe.release.countDown();
        }
        assertThat(client.callForValue("test.add", 3, 4)).isEqualTo(7L);
        assertThat(client.drainInbox()).isEmpty();
    }

    @AllSerializers
    void cancelingACallAlreadyAnsweredChangesNothing(String serializer) {
        TestWampClient client = caller(serializer);
        TestWampClient.CallHandle call = client.callWith(Map.of(), "test.add", List.of(1, 1), null);
        assertThat(call.awaitReply()).isInstanceOf(Result.class);
        for (String mode : List.of("kill", "killnowait", "skip")) {
            client.cancel(call.request(), mode);
        }
        assertThat(client.callForValue("test.add", 5, 5)).isEqualTo(10L);
        assertThat(client.drainInbox()).isEmpty();
    }

    @Test
    void theTemplatesTimeoutGivesTimeoutAndInterruptsTheMethod() {
        String token = token("template-timeout", "local");
        CancelEndpoints.Probe probe = endpoints.probe(token);
        try {
            CompletableFuture<WampResult> call = template.call("com.test.cancel.blocking", List.of(token), null,
                    CallOptions.DEFAULTS.withTimeout(Duration.ofMillis(300)));
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
            assertThat(thrown.getCause()).isInstanceOf(WampException.class);
            assertThat(((WampException) thrown.getCause()).uri()).isEqualTo("wamp.error.timeout");
            assertThat(await(probe.entered).details()).containsEntry("timeout", 300L);
            assertThat(await(probe.interrupted)).isEqualTo("killnowait");
        }
        finally {
            probe.release.countDown();
        }
    }

    @Test
    void cancellingTheTemplatesFutureInterruptsAnAnnotatedMethod() {
        String token = token("template-kill", "local");
        CancelEndpoints.Probe probe = endpoints.probe(token);
        try {
            CompletableFuture<WampResult> call = template.call("com.test.cancel.blocking", List.of(token), null,
                    CallOptions.DEFAULTS);
            WampCallContext context = await(probe.entered);
            assertThat(call.cancel(true)).isTrue();
            assertThat(await(probe.interrupted)).isEqualTo("kill");
            assertThat(context.isCanceled()).isTrue();
        }
        finally {
            probe.release.countDown();
        }
    }
}
