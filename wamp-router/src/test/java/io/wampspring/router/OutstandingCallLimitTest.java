package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Yield;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outstanding calls per session: a CALL beyond the limit gets ERROR {@code wamp.error.limit_exceeded} on that call
 * only, and a place comes back with every end of a call (RESULT, ERROR, cancel, timeout, the callee leaving).
 */
class OutstandingCallLimitTest {

    private static final String PROC = "com.example.slow";
    private static final int LIMIT = 2;

    private final List<String> exceeded = new CopyOnWriteArrayList<>();
    private WampRouter router;
    private TestPeer callee;
    private TestPeer caller;

    @BeforeEach
    void start() {
        RouterObserver observer = new RouterObserver() {
            @Override
            public void limitExceeded(@Nullable String realm, Limit limit) {
                exceeded.add(realm + " " + limit.tagValue());
            }
        };
        router = new WampRouter(RouterConfig.defaults().withLimits(new LimitsConfig(0, 0, LIMIT, 0, 0)),
                List.of(RealmConfig.anonymous(RpcTesting.REALM)), RouterExecutors.owned(), observer);
        callee = RpcTesting.advanced(router);
        callee.register(PROC);
        caller = RpcTesting.advanced(router);
    }

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    private Invocation call(long request) {
        return call(request, Map.of());
    }

    private Invocation call(long request, Map<String, Object> options) {
        caller.send(new Call(request, options, PROC, Payload.EMPTY));
        return callee.next(Invocation.class);
    }

    /** Fills the limit with calls 1 and 2, and shows call 3 is refused; returns the two invocations. */
    private List<Invocation> fill() {
        List<Invocation> invocations = List.of(call(1), call(2));
        caller.send(new Call(3L, Map.of(), PROC, Payload.EMPTY));
        ErrorMessage refused = caller.nextError(MessageType.CALL, 3L, WampUris.LIMIT_EXCEEDED);
        assertThat(refused.payload().args()).singleElement().asString()
                .contains("wamp.limits.outstanding-calls-per-session");
        return invocations;
    }

    @Test
    void aCallBeyondTheLimitIsRefusedAloneAndTheOthersCarryOn() {
        List<Invocation> invocations = fill();
        callee.roundTrip();
        callee.expectNothingMore();
        assertThat(exceeded).containsExactly("realm1 outstanding-calls-per-session");

        callee.send(new Yield(invocations.get(0).request(), Map.of(), Payload.ofArgs("one")));
        assertThat(caller.next(Result.class).request()).isEqualTo(1L);
        // a place is free again
        Invocation fourth = call(4);
        callee.send(new Yield(fourth.request(), Map.of(), Payload.ofArgs("four")));
        callee.send(new Yield(invocations.get(1).request(), Map.of(), Payload.ofArgs("two")));
        assertThat(List.of(caller.next(Result.class).request(), caller.next(Result.class).request()))
                .containsExactlyInAnyOrder(2L, 4L);
    }

    @Test
    void anotherSessionHasPlacesOfItsOwn() {
        fill();
        TestPeer other = RpcTesting.advanced(router);
        other.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        callee.next(Invocation.class);
    }

    @Test
    void theCalleesErrorFreesAPlace() {
        List<Invocation> invocations = fill();
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocations.get(0).request(), Map.of(),
                "com.example.failed", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 1L, "com.example.failed");
        call(4);
    }

    @Test
    void cancelingFreesAPlace() {
        List<Invocation> invocations = fill();
        caller.send(new Cancel(1L, options("mode", "killnowait")));
        caller.nextError(MessageType.CALL, 1L, WampUris.CANCELED);
        assertThat(callee.next(Interrupt.class).request()).isEqualTo(invocations.get(0).request());
        call(4);
    }

    @Test
    void aTimeoutFreesAPlace() {
        call(1, options("timeout", 50));
        call(2);
        caller.nextError(MessageType.CALL, 1L, WampUris.TIMEOUT);
        callee.next(Interrupt.class);
        call(3);
    }

    @Test
    void theCalleeLeavingFreesEveryPlace() {
        fill();
        callee.disconnect();
        caller.nextError(MessageType.CALL, 1L, WampUris.CANCELED);
        caller.nextError(MessageType.CALL, 2L, WampUris.CANCELED);
        callee = RpcTesting.advanced(router);
        callee.register(PROC);
        call(4);
        call(5);
    }

    @Test
    void refusedCallsTakeNoPlace() {
        for (long request = 1; request <= 5; request++) {
            caller.send(new Call(request, Map.of(), "com.example.nobody", Payload.EMPTY));
            caller.nextError(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE);
        }
        call(6);
        call(7);
    }

    @Test
    void inProcessCallersAreNotLimited() {
        LocalSession local = new LocalSession(router, RpcTesting.REALM,
                new AuthIdentity("app", "trusted", "local", "app"), Runnable::run);
        for (int i = 0; i < LIMIT + 3; i++) {
            local.call(PROC, Map.of(), Payload.EMPTY);
            callee.next(Invocation.class);
        }
        assertThat(exceeded).isEmpty();
        local.close();
    }
}
