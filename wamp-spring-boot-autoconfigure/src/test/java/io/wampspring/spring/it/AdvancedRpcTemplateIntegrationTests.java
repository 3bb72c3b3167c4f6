package io.wampspring.spring.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.CancelMode;
import io.wampspring.spring.core.WampResult;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link WampTemplate} calling remote callees with the advanced RPC features: progressive results in order before
 * the final one, cancelling the future sends CANCEL (INTERRUPT with the chosen mode at the callee), timeouts, and
 * caller disclosure.
 */
class AdvancedRpcTemplateIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WampTemplate template;

    /** A remote callee announcing the advanced features, whose invocations the test answers. */
    private TestWampClient callee(String serializer) {
        TestWampClient client = connect(serializer);
        client.hello("realm1", TestWampClient.advancedHelloDetails());
        return client;
    }

    private static String uri(String name, String serializer) {
        return "com.test.remote." + name + "." + serializer;
    }

    private static Invocation next(BlockingQueue<Invocation> invocations) {
        return TestWampClient.poll(invocations, "INVOCATION");
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static WampException failure(CompletableFuture<?> future) {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(WampException.class);
        return (WampException) thrown.getCause();
    }

    @AllSerializers
    void progressiveResultsReachOnProgressInOrderBeforeTheFinalResult(String serializer) throws Exception {
        TestWampClient callee = callee(serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri("progress", serializer), Map.of());
        List<WampResult> progress = new CopyOnWriteArrayList<>();
        List<Integer> progressSeenWhenDone = new CopyOnWriteArrayList<>();
        CompletableFuture<WampResult> call = template.call(uri("progress", serializer), List.of("go"), null,
                CallOptions.DEFAULTS, progress::add);
        call.whenComplete((result, failure) -> progressSeenWhenDone.add(progress.size()));

        Invocation invocation = next(invocations);
        assertThat(invocation.details()).containsEntry("receive_progress", true);
        assertThat(invocation.payload().args()).containsExactly("go");
        for (int i = 1; i <= 50; i++) {
            callee.yield(invocation.request(), true, Payload.of(List.of(i), Map.of("step", i)));
        }
        callee.yield(invocation.request(), false, Payload.of(List.of("done"), null));

        WampResult result = get(call);
        assertThat(result.args()).containsExactly("done");
        List<Object> values = new ArrayList<>();
        for (WampResult partial : progress) {
            assertThat(partial.kwargs()).containsEntry("step", partial.args().get(0));
            values.add(partial.args().get(0));
        }
        List<Object> expected = new ArrayList<>();
        for (long i = 1; i <= 50; i++) {
            expected.add(i);
        }
        assertThat(values).isEqualTo(expected);
        // every progressive result was handed over before the future completed
        assertThat(progressSeenWhenDone).containsExactly(50);
    }

    @AllSerializers
    void withoutOnProgressTheCalleesProgressIsDropped(String serializer) throws Exception {
        TestWampClient callee = callee(serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri("quiet", serializer), Map.of());
        CompletableFuture<WampResult> call = template.call(uri("quiet", serializer), List.of(), null,
                CallOptions.DEFAULTS);
        Invocation invocation = next(invocations);
        assertThat(invocation.details()).doesNotContainKey("receive_progress");
        callee.yield(invocation.request(), true, Payload.of(List.of("partial"), null));
        callee.yield(invocation.request(), false, Payload.of(List.of("final"), null));
        assertThat(get(call).args()).containsExactly("final");
    }

    @AllSerializers
    void cancellingTheFutureInterruptsTheRemoteCalleeWithTheChosenMode(String serializer) throws Exception {
        TestWampClient callee = callee(serializer);
        String uri = uri("cancel", serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri, Map.of());
        for (CancelMode mode : List.of(CancelMode.KILL, CancelMode.KILLNOWAIT)) {
            CompletableFuture<WampResult> call = template.call(uri, List.of(mode.wireName()), null,
                    CallOptions.DEFAULTS.withCancelMode(mode));
            Invocation invocation = next(invocations);
            assertThat(call.cancel(true)).isTrue();
            Interrupt interrupt = TestWampClient.poll(callee.interrupts(), "INTERRUPT");
            assertThat(interrupt.request()).isEqualTo(invocation.request());
            assertThat(interrupt.options()).containsEntry("mode", mode.wireName());
            // the callee answers as a well-behaved one does; nobody waits for it any more
            callee.invocationError(invocation.request(), "wamp.error.canceled");
            assertThat(call).isCancelled();
        }
        // the default mode is kill
        CompletableFuture<WampResult> call = template.call(uri, List.of(), null, CallOptions.DEFAULTS);
        Invocation invocation = next(invocations);
        call.cancel(false);
        assertThat(TestWampClient.poll(callee.interrupts(), "INTERRUPT").options()).containsEntry("mode", "kill");
        callee.invocationError(invocation.request(), "wamp.error.canceled");
    }

    @AllSerializers
    void cancellingATypedCallSendsCancelToo(String serializer) {
        TestWampClient callee = callee(serializer);
        String uri = uri("typed", serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri, Map.of());
        CompletableFuture<Long> call = template.call(uri, Long.class, 1, 2);
        Invocation invocation = next(invocations);
        call.cancel(true);
        Interrupt interrupt = TestWampClient.poll(callee.interrupts(), "INTERRUPT");
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).containsEntry("mode", "kill");
    }

    @AllSerializers
    void skipDoesNotInterruptTheCalleeAndItsLateResultIsDropped(String serializer) throws Exception {
        TestWampClient callee = callee(serializer);
        String uri = uri("skip", serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri, Map.of());
        CompletableFuture<WampResult> call = template.call(uri, List.of(), null,
                CallOptions.DEFAULTS.withCancelMode(CancelMode.SKIP));
        Invocation invocation = next(invocations);
        call.cancel(true);
        callee.yield(invocation.request(), false, Payload.of(List.of("late"), null));
        // an INTERRUPT would have been queued to the callee ahead of this call's RESULT
        assertThat(callee.callForValue("test.add", 1, 1)).isEqualTo(2L);
        assertThat(callee.interrupts()).isEmpty();
        assertThat(call).isCancelled();
    }

    @AllSerializers
    void aCalleeWithoutCallCancelingIsNotInterrupted(String serializer) {
        TestWampClient callee = join(serializer);
        String uri = uri("basic", serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri, Map.of());
        CompletableFuture<WampResult> call = template.call(uri, List.of(), null, CallOptions.DEFAULTS);
        Invocation invocation = next(invocations);
        call.cancel(true);
        assertThat(callee.callForValue("test.add", 1, 1)).isEqualTo(2L);
        assertThat(callee.interrupts()).isEmpty();
        // its answer is dropped, and its session carries on
        callee.yield(invocation.request(), false, Payload.of(List.of("late"), null));
        assertThat(callee.callForValue("test.add", 2, 1)).isEqualTo(3L);
        assertThat(callee.drainInbox()).isEmpty();
    }

    @AllSerializers
    void withTimeoutFailsWithTimeoutAndInterruptsTheCallee(String serializer) {
        TestWampClient callee = callee(serializer);
        String uri = uri("slow", serializer);
        BlockingQueue<Invocation> invocations = callee.registerQueued(uri, Map.of());
        CompletableFuture<WampResult> call = template.call(uri, List.of(), null,
                CallOptions.DEFAULTS.withTimeout(Duration.ofMillis(300)));
        Invocation invocation = next(invocations);
        assertThat(invocation.details()).containsEntry("timeout", 300L);
        assertThat(failure(call).uri()).isEqualTo("wamp.error.timeout");
        Interrupt interrupt = TestWampClient.poll(callee.interrupts(), "INTERRUPT");
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).containsEntry("mode", "killnowait");
    }

    @AllSerializers
    void aCallAnsweredWithinItsTimeoutSucceeds(String serializer) throws Exception {
        TestWampClient callee = callee(serializer);
        callee.register(uri("quick", serializer), Map.of(), invocation -> Payload.of(List.of("quick"), null));
        WampResult result = get(template.call(uri("quick", serializer), List.of(), null,
                CallOptions.DEFAULTS.withTimeout(Duration.ofSeconds(10))));
        assertThat(result.args()).containsExactly("quick");
        assertThat(callee.interrupts()).isEmpty();
    }

    @AllSerializers
    @SuppressWarnings("unchecked")
    void withDiscloseMeTheCalleeSeesTheApplicationsIdentity(String serializer) throws Exception {
        TestWampClient callee = join(serializer);
        String uri = uri("disclose", serializer);
        callee.register(uri, Map.of(), invocation -> Payload.of(List.of(invocation.details()), null));

        WampResult disclosed = get(template.call(uri, List.of(), null, CallOptions.DEFAULTS.withDiscloseMe()));
        assertThat((Map<String, Object>) disclosed.args().get(0)).containsEntry("caller", template.sessionId())
                .containsEntry("caller_authid", "spring").containsEntry("caller_authrole", "trusted");

        WampResult hidden = get(template.call(uri, List.of(), null, CallOptions.DEFAULTS));
        assertThat((Map<String, Object>) hidden.args().get(0)).doesNotContainKeys("caller", "caller_authid",
                "caller_authrole");
    }
}
