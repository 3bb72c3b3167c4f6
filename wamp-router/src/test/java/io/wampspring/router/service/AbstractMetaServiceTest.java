package io.wampspring.router.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the meta API tests: a router with realm1, an executor for in-process sessions, and meta procedure
 * calls from remote peers.
 */
abstract class AbstractMetaServiceTest {

    final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
    final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() throws InterruptedException {
        router.shutdown(Duration.ZERO);
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** The one value a meta procedure answers with. */
    static @Nullable Object call(TestPeer peer, String procedure, Object... args) {
        long request = peer.nextRequest();
        peer.send(new Call(request, Map.of(), procedure, Payload.ofArgs(args)));
        Result result = peer.next(Result.class);
        assertThat(result.request()).isEqualTo(request);
        assertThat(result.payload().args()).hasSize(1);
        return result.payload().args().get(0);
    }

    /** Calls a meta procedure expecting the ERROR {@code error}. */
    static ErrorMessage callFails(TestPeer peer, String error, String procedure, Object... args) {
        return callFails(peer, error, procedure, Payload.ofArgs(args));
    }

    /** Calls a meta procedure with positional and keyword arguments, expecting the ERROR {@code error}. */
    static ErrorMessage callFails(TestPeer peer, String error, String procedure, Payload payload) {
        long request = peer.nextRequest();
        peer.send(new Call(request, Map.of(), procedure, payload));
        return peer.nextError(MessageType.CALL, request, error);
    }

    /** The whole RESULT of a meta procedure called with positional and keyword arguments. */
    static Result result(TestPeer peer, String procedure, Payload payload) {
        long request = peer.nextRequest();
        peer.send(new Call(request, Map.of(), procedure, payload));
        Result result = peer.next(Result.class);
        assertThat(result.request()).isEqualTo(request);
        return result;
    }

    /** The features WELCOME announces for a router role ({@code dealer}, {@code broker}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> announcedFeatures(String role) {
        Welcome welcome = new TestPeer(router).join("realm1");
        Map<String, Object> roles = (Map<String, Object>) welcome.details().get("roles");
        return (Map<String, Object>) ((Map<String, Object>) roles.get(role)).get("features");
    }
}
