package io.wampspring.spring.it;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.WampMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A callee whose TCP connection drops without a WebSocket close frame, with a FIN or with a RST, while a caller
 * waits for its answer: the router ends the callee's session and the caller gets its ERROR.
 */
class CalleeConnectionLossIntegrationTests extends AbstractWampIntegrationTests {

    @Test
    void callerGetsErrorWhenCalleeConnectionClosesWithoutCloseFrame() throws Exception {
        try (SocketWebSocket callee = registeredCallee("test.lost.fin")) {
            CompletableFuture<WampMessage> reply = callWaitingOn(callee, "test.lost.fin");

            callee.dropWithFin();

            assertCanceled(reply);
        }
        assertRouterStillServes("json");
    }

    @Test
    void callerGetsErrorWhenCalleeConnectionIsReset() throws Exception {
        try (SocketWebSocket callee = registeredCallee("test.lost.rst")) {
            CompletableFuture<WampMessage> reply = callWaitingOn(callee, "test.lost.rst");

            callee.dropWithReset();

            assertCanceled(reply);
        }
        assertRouterStillServes("json");
    }

    private SocketWebSocket registeredCallee(String procedure) throws Exception {
        SocketWebSocket callee = new SocketWebSocket(port, "wamp.2.json", TestWampSession.TIMEOUT);
        callee.sendText("[1,\"realm1\",{\"roles\":{\"callee\":{}}}]");
        assertThat(callee.receiveText()).startsWith("[2,");
        callee.sendText("[64,1,{},\"" + procedure + "\"]");
        assertThat(callee.receiveText()).startsWith("[65,1,");
        return callee;
    }

    /** A call the callee has received (its INVOCATION read) and never answers. */
    private CompletableFuture<WampMessage> callWaitingOn(SocketWebSocket callee, String procedure) throws Exception {
        CompletableFuture<WampMessage> reply = join("json").call(procedure);
        assertThat(callee.receiveText()).startsWith("[68,");
        assertThat(reply).isNotDone();
        return reply;
    }

    private static void assertCanceled(CompletableFuture<WampMessage> reply) throws Exception {
        assertThat(reply.get(TestWampSession.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ErrorMessage.class,
                        error -> assertThat(error.error()).isEqualTo("wamp.error.canceled"));
    }
}
