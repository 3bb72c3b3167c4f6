package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static io.wampspring.sample.interop.Values.mapOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.CallOutcome;
import io.wampspring.sample.interop.NodeWampClient.Received;
import io.wampspring.sample.interop.NodeWampClient.StartedCall;
import org.junit.jupiter.api.Test;

/**
 * What wampy 8 does beyond autobahn-js: progressive call invocations (wampy's {@code progressiveCall}) and the skip
 * and killnowait cancel modes (autobahn-js drops its own connection on the ERROR that answers them).
 */
abstract class AbstractWampyAdvancedRpcInteropTest extends AbstractAdvancedRpcInteropTest {

    /**
     * wampy sends progressive call invocations but does not announce {@code progressive_call_invocations} as a
     * caller, and the spec has the router abort a session that sends one unannounced: the tests announce it for
     * wampy.
     */
    static final Map<String, Map<String, Boolean>> PROGRESSIVE_CALLER = Map.of("caller",
            Map.of("progressive_call_invocations", true));

    @Override
    String library() {
        return "wampy";
    }

    @Override
    Map<String, Map<String, Boolean>> callerFeatures() {
        return PROGRESSIVE_CALLER;
    }

    /**
     * A caller streams chunks into one invocation: the callee receives each as it is sent (the next chunk is sent
     * only once the callee has the previous one), all on the same INVOCATION request id, the last without
     * {@code progress}, and answers once for the whole stream.
     */
    @Test
    void progressiveCallInvocationsStreamChunksIntoOneInvocation() throws Exception {
        // wampy's callee takes each INVOCATION's details as they come but announces neither progressive call
        // invocations nor call canceling (which the spec requires of a callee for them); this one announces both
        // and is never canceled
        try (NodeWampClient streamingCallee = connected(Map.of("callee",
                Map.of("progressive_call_invocations", true, "call_canceling", true))).client()) {
            String procedure = uri("stream");
            assertRegistered(streamingCallee.register(procedure, Map.of(), "collect", Map.of()));

            StartedCall call = caller.startProgressiveCall(procedure, listOf("chunk-1"), null, Map.of());
            assertThat(streamingCallee.invocations(procedure, 1)).hasSize(1);
            call.send(listOf("chunk-2", 2), null, false);
            assertThat(streamingCallee.invocations(procedure, 2)).hasSize(2);
            call.send(listOf("chunk-3"), null, true);
            CallOutcome outcome = call.outcome();

            List<Received> chunks = streamingCallee.invocations(procedure, 3);
            long request = chunks.get(0).request();
            assertThat(chunks).extracting(Received::request).containsOnly(request);
            assertThat(chunks).extracting(chunk -> chunk.details().get("progress")).containsExactly(true, true, null);
            assertThat(chunks).extracting(Received::args).containsExactly(listOf("chunk-1"), listOf("chunk-2", 2L),
                    listOf("chunk-3"));
            assertThat(outcome.reply()).isEqualTo(WampReply.result(listOf("chunk-1", "chunk-2", 2, "chunk-3"),
                    mapOf("chunks", 3, "request", request)));
        }
    }

    /** A callee that does not announce progressive call invocations: the caller gets feature_not_supported. */
    @Test
    void progressiveCallInvocationToACalleeWithoutTheFeatureIsRefused() {
        String procedure = uri("no_stream");
        callee.registerEcho(procedure);

        StartedCall call = caller.startProgressiveCall(procedure, listOf("chunk-1"), null, Map.of());

        assertThat(call.outcome().reply().error()).isEqualTo("wamp.error.feature_not_supported");
        // refused before any INVOCATION: the callee never heard of the call
        assertThat(callee.invocations(procedure, 0)).isEmpty();
        assertThat(caller.isOpen()).isTrue();
    }

    /** skip: the caller is answered at once and the method runs on to its normal end; its answer is dropped. */
    @Test
    void skipCancelAnswersTheCallerAndLetsTheAnnotatedProcedureFinish() throws Exception {
        String token = token();
        StartedCall call = caller.startCall(AdvancedRpcTestBeans.BLOCK, listOf(token), null, Map.of());
        beans.awaitBlocked(token, WAIT);

        call.cancel("skip");

        assertThat(call.outcome().reply().error()).isEqualTo(CANCELED);
        assertThat(beans.isBlocked(token)).as("still running after the caller got canceled").isTrue();
        beans.release(token);
        assertThat(beans.outcome(token, WAIT)).isEqualTo("completed");
        assertCallerStillWorks();
    }

    /** killnowait: the caller is answered at once and the method is interrupted. */
    @Test
    void killNoWaitCancelAnswersTheCallerAndInterruptsTheAnnotatedProcedure() throws Exception {
        String token = token();
        StartedCall call = caller.startCall(AdvancedRpcTestBeans.BLOCK, listOf(token), null, Map.of());
        beans.awaitBlocked(token, WAIT);

        call.cancel("killnowait");

        assertThat(call.outcome().reply().error()).isEqualTo(CANCELED);
        assertThat(beans.outcome(token, WAIT)).isEqualTo("interrupted");
        assertCallerStillWorks();
    }

    /** skip to a remote callee: the caller is answered at once, the callee's late answer is dropped. */
    @Test
    void skipCancelOfACallToARemoteCalleeDropsItsLateAnswer() {
        String procedure = uri("hold_skip");
        assertRegistered(callee.register(procedure, Map.of(), "hold", constant("late")));
        StartedCall call = caller.startCall(procedure, null, null, Map.of());
        callee.invocations(procedure, 1);

        call.cancel("skip");

        assertThat(call.outcome().reply().error()).isEqualTo(CANCELED);
        assertThat(callee.release(procedure)).isEqualTo(1);
        assertLateAnswerDropped(procedure);
    }
}
