package io.wampspring.sample.interop;

import static io.wampspring.sample.interop.Values.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import io.wampspring.sample.interop.NodeWampClient.Received;
import org.junit.jupiter.api.Test;

/**
 * What is particular to autobahn-js 26: it cannot stream a call (it has no way to send a second CALL of the same
 * request), and it announces no progressive call invocations, so a CALL it sends with {@code progress: true} ends
 * its session, as the spec requires. (It also cannot cancel with skip or killnowait: it forgets the call as it sends
 * CANCEL and then takes the router's ERROR for a protocol violation; kill works.)
 */
abstract class AbstractAutobahnJsAdvancedRpcInteropTest extends AbstractAdvancedRpcInteropTest {

    @Override
    String library() {
        return "autobahn";
    }

    /**
     * autobahn-js passes REGISTER.Options through as given, so its callee can ask for {@code disclose_caller} (wampy
     * sends only match and invoke): it learns every caller, disclose_me or not.
     */
    @Test
    void registrationWithDiscloseCallerLearnsEveryCaller() {
        String procedure = uri("disclose_caller");
        assertRegistered(callee.register(procedure, Map.of("disclose_caller", true), "echo", Map.of()));

        caller.call(procedure, listOf("no disclose_me"), null);

        assertThat(callee.invocations(procedure, 1)).singleElement().satisfies(invocation -> assertThat(
                invocation.details()).containsEntry("caller", callerSession.sessionId())
                .containsEntry("caller_authrole", callerSession.authrole()));
    }

    @Test
    void progressiveCallInvocationFromACallerThatDidNotAnnounceItAbortsItsSession() throws Exception {
        try (NodeWampClient streamer = connected(Map.of()).client()) {
            String procedure = uri("stream");
            callee.registerEcho(procedure);

            streamer.startCall(procedure, listOf("chunk-1"), null, Map.of("progress", true));

            await().atMost(WAIT).until(() -> !streamer.isOpen());
            assertThat(caller.call(procedure, listOf("others go on"), null))
                    .isEqualTo(WampReply.result(listOf("others go on"), null));
            // the callee never saw the progressive CALL: its one invocation is the call after it
            assertThat(callee.invocations(procedure, 1)).extracting(Received::args)
                    .containsExactly(listOf("others go on"));
            assertThat(List.of(callee.isOpen(), caller.isOpen())).containsOnly(true);
        }
    }
}
