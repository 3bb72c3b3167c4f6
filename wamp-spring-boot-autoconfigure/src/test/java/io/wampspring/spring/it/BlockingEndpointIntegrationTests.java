package io.wampspring.spring.it;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.spring.core.WampTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @WampProcedure} that blocks its thread holds up neither other sessions, nor its own session's other
 * calls, nor the transport: annotated methods run on the task executor, not on the thread that routes.
 */
class BlockingEndpointIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    BlockingEndpoint blocking;

    @Autowired
    WampTemplate template;

    @AllSerializers
    void blockedMethodDoesNotBlockOtherCalls(String serializer) throws Exception {
        blocking.reset();
        TestWampClient blocked = join(serializer);
        TestWampClient other = join(serializer);
        try {
            CompletableFuture<WampMessage> waiting = blocked.call("test.blocking.wait", "t1");
            assertThat(blocking.entered.await(10, TimeUnit.SECONDS)).as("the blocking method started").isTrue();

            // another session, over another WebSocket
            assertThat(other.callForValue("test.add", 1, 2)).isEqualTo(3L);
            // the same session: its transport thread is not held either
            assertThat(blocked.callForValue("test.add", 3, 4)).isEqualTo(7L);
            // an in-process caller
            assertThat(template.call("test.add", Integer.class, 5, 6).get(10, TimeUnit.SECONDS)).isEqualTo(11);
            assertThat(waiting).as("still blocked while the others were answered").isNotDone();

            blocking.release.countDown();
            WampMessage reply = TestWampClient.await(waiting);
            assertThat(reply).isInstanceOf(Result.class);
            assertThat(((Result) reply).payload().args()).containsExactly("released t1");
        }
        finally {
            blocking.release.countDown();
        }
    }
}
