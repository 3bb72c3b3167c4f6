package io.wampspring.router;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Caller identification: disclose_me, disclose_caller and the realm's disclosure setting. */
class CallerIdentificationTest {

    private static final String PROC = "com.example.whoami";

    private WampRouter router = RpcTesting.router();

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    static java.util.stream.Stream<WampSerializer> serializers() {
        return RpcTesting.serializers();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void discloseMeTellsTheCalleeWhoCalls(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        callee.register(PROC);
        TestPeer caller = new TestPeer(router, serializer);
        Welcome welcome = caller.join(RpcTesting.REALM, TestPeer.ADVANCED_ROLES);

        caller.send(new Call(1L, options("disclose_me", true), PROC, Payload.EMPTY));

        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEqualTo(Map.of("caller", welcome.session(),
                "caller_authid", welcome.details().get("authid"),
                "caller_authrole", welcome.details().get("authrole")));
        assertThat(invocation.details().get("caller_authrole")).isEqualTo("anonymous");
    }

    @Test
    void withoutAskingTheCallerStaysAnonymous() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        caller.send(new Call(2L, options("disclose_me", false), PROC, Payload.EMPTY));

        assertThat(callee.next(Invocation.class).details()).isEmpty();
        assertThat(callee.next(Invocation.class).details()).isEmpty();
    }

    @Test
    void discloseCallerOnRegisterDisclosesEveryCaller() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.send(new Register(1L, options("disclose_caller", true), PROC));
        callee.next(Registered.class);
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.basic(router);

        first.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        second.send(new Call(1L, options("disclose_me", false), PROC, Payload.EMPTY));

        assertThat(callee.next(Invocation.class).details()).containsEntry("caller", first.sessionId)
                .containsKeys("caller_authid", "caller_authrole");
        assertThat(callee.next(Invocation.class).details()).containsEntry("caller", second.sessionId);
    }

    @Test
    void discloseCallerHoldsPerCalleeOfASharedRegistration() {
        TestPeer curious = RpcTesting.advanced(router);
        curious.register(PROC, options("invoke", "roundrobin", "disclose_caller", true));
        TestPeer discreet = RpcTesting.advanced(router);
        discreet.register(PROC, options("invoke", "roundrobin"));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        caller.send(new Call(2L, Map.of(), PROC, Payload.EMPTY));

        assertThat(curious.next(Invocation.class).details()).containsEntry("caller", caller.sessionId);
        assertThat(discreet.next(Invocation.class).details()).isEmpty();
    }

    @Test
    void aRealmThatAlwaysDisclosesDoesSoUnasked() {
        router.shutdown(Duration.ZERO);
        router = RpcTesting.router(RpcTesting.disclosure(Disclosure.ALWAYS));
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.basic(router);

        caller.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        caller.send(new Call(2L, options("disclose_me", false), PROC, Payload.EMPTY));

        for (int i = 0; i < 2; i++) {
            assertThat(callee.next(Invocation.class).details()).containsEntry("caller", caller.sessionId)
                    .containsEntry("caller_authrole", "anonymous").containsKey("caller_authid");
        }
    }

    @Test
    void aRealmThatNeverDisclosesRefusesToBeAsked() {
        router.shutdown(Duration.ZERO);
        router = RpcTesting.router(RpcTesting.disclosure(Disclosure.NEVER));
        TestPeer callee = RpcTesting.advanced(router);
        callee.send(new Register(1L, options("disclose_caller", true), PROC));
        callee.nextError(MessageType.REGISTER, 1L, WampUris.OPTION_NOT_ALLOWED);
        callee.register(PROC, options("disclose_caller", false));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(2L, options("disclose_me", true), PROC, Payload.EMPTY));
        caller.nextError(MessageType.CALL, 2L, WampUris.OPTION_NOT_ALLOWED);
        caller.send(new Call(3L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEmpty();
        callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
        assertThat(caller.next(Result.class).request()).isEqualTo(3L);
    }

    @Test
    void anInProcessCallerIsDisclosedWithItsIdentity() throws Exception {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LocalSession local = new LocalSession(router, RpcTesting.REALM, RpcTesting.LOCAL, executor)) {
            CompletableFuture<Result> call = local.call(PROC, Map.of("disclose_me", true), Payload.EMPTY);

            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.details()).isEqualTo(Map.of("caller", local.sessionId(),
                    "caller_authid", "local-app", "caller_authrole", "service"));
            callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("hello local-app")));
            assertThat(call.get(5, TimeUnit.SECONDS).payload().args()).containsExactly("hello local-app");
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aPatternRegistrationGetsTheCallerAndTheProcedure() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register("com.example", options("match", "prefix", "disclose_caller", true));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, Map.of(), "com.example.who", Payload.EMPTY));

        assertThat(callee.next(Invocation.class).details()).containsEntry("procedure", "com.example.who")
                .containsEntry("caller", caller.sessionId);
    }
}
