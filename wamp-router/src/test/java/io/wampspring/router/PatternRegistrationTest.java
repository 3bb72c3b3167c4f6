package io.wampspring.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Pattern-based registration: prefix and wildcard matching, the best-match rule and the called URI. */
class PatternRegistrationTest extends RpcRouterTest {

    @ParameterizedTest
    @MethodSource("serializers")
    void aPrefixRegistrationGetsEveryCallUnderItsPrefixWithTheCalledUri(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        long registration = callee.register("com.myapp.myobject1", options("match", "prefix"));
        TestPeer caller = RpcTesting.advanced(router, serializer);

        long request = 0;
        for (String uri : List.of("com.myapp.myobject1.myprocedure1", "com.myapp.myobject1-mysubobject1",
                "com.myapp.myobject1.mysubobject1.myprocedure1", "com.myapp.myobject1")) {
            caller.send(new Call(++request, Map.of(), uri, Payload.ofArgs(uri)));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.registration()).isEqualTo(registration);
            assertThat(invocation.details()).containsEntry("procedure", uri);
            assertThat(invocation.payload().args()).containsExactly(uri);
            callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("done")));
            assertThat(caller.next(Result.class).request()).isEqualTo(request);
        }
        for (String uri : List.of("com.myapp.myobject2", "com.myapp.myobject")) {
            caller.send(new Call(++request, Map.of(), uri, Payload.EMPTY));
            caller.nextError(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE);
        }
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void aWildcardMatchesWholeComponentsOnly() {
        TestPeer callee = RpcTesting.advanced(router);
        long registration = callee.register("com.myapp..myprocedure1", options("match", "wildcard"));
        TestPeer caller = RpcTesting.advanced(router);

        long request = 0;
        for (String uri : List.of("com.myapp.myobject1.myprocedure1", "com.myapp.myobject2.myprocedure1")) {
            caller.send(new Call(++request, Map.of(), uri, Payload.EMPTY));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.registration()).isEqualTo(registration);
            assertThat(invocation.details()).isEqualTo(Map.of("procedure", uri));
            callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
            caller.next(Result.class);
        }
        for (String uri : List.of("com.myapp.myobject1.myprocedure1.mysubprocedure1",
                "com.myapp.myobject1.myprocedure2", "com.myapp2.myobject1.myprocedure1", "com.myapp.myprocedure1")) {
            caller.send(new Call(++request, Map.of(), uri, Payload.EMPTY));
            caller.nextError(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE);
        }
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void theBestMatchFollowsTheSpecExamples() {
        TestPeer callee = RpcTesting.advanced(router);
        Map<Integer, Long> rpc = new LinkedHashMap<>();
        rpc.put(1, callee.register("a1.b2.c3.d4.e55"));
        rpc.put(2, callee.register("a1.b2.c3", options("match", "prefix")));
        rpc.put(3, callee.register("a1.b2.c3.d4", options("match", "prefix")));
        rpc.put(4, callee.register("a1.b2..d4.e5", options("match", "wildcard")));
        rpc.put(5, callee.register("a1.b2.c3..e5", options("match", "wildcard")));
        rpc.put(6, callee.register("a1.b2..d4.e5..g7", options("match", "wildcard")));
        rpc.put(7, callee.register("a1.b2..d4..f6.g7", options("match", "wildcard")));
        TestPeer caller = RpcTesting.advanced(router);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("a1.b2.c3.d4.e55", 1);
        expected.put("a1.b2.c3.d98.e74", 2);
        expected.put("a1.b2.c3.d4.e325", 3);
        expected.put("a1.b2.c55.d4.e5", 4);
        // the spec's example expects 5 here, but its own rule puts the prefix match 3 first
        expected.put("a1.b2.c3.d4.e5", 3);
        expected.put("a1.b2.c88.d4.e5.f6.g7", 6);
        long request = 0;
        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            caller.send(new Call(++request, Map.of(), entry.getKey(), Payload.EMPTY));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.registration()).as("registration of %s", entry.getKey())
                    .isEqualTo(rpc.get(entry.getValue()));
            assertThat(RpcTesting.dealer(router).match(entry.getKey()).id()).isEqualTo(rpc.get(entry.getValue()));
            if (entry.getValue() == 1) {
                assertThat(invocation.details()).as("an exact registration is told nothing").doesNotContainKey(
                        "procedure");
            }
            else {
                assertThat(invocation.details()).containsEntry("procedure", entry.getKey());
            }
            callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
            caller.next(Result.class);
        }
        caller.send(new Call(++request, Map.of(), "a2.b2.c2.d2.e2", Payload.EMPTY));
        caller.nextError(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE);
        assertThat(RpcTesting.dealer(router).match("a2.b2.c2.d2.e2")).isNull();
    }

    @Test
    void amongWildcardsTheLongestConcreteRunsWin() {
        TestPeer callee = RpcTesting.advanced(router);
        long four = callee.register("a1.b2..d4.e5", options("match", "wildcard"));
        long five = callee.register("a1.b2.c3..e5", options("match", "wildcard"));
        long six = callee.register("a1.b2..d4.e5..g7", options("match", "wildcard"));
        long seven = callee.register("a1.b2..d4..f6.g7", options("match", "wildcard"));
        long eight = callee.register("a1...d4", options("match", "wildcard"));
        long nine = callee.register("a1.b2..d4", options("match", "wildcard"));
        TestPeer caller = RpcTesting.advanced(router);

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("a1.b2.c3.d4.e5", five);
        expected.put("a1.b2.c55.d4.e5", four);
        expected.put("a1.b2.c88.d4.e5.f6.g7", six);
        expected.put("a1.b2.c88.d4.e0.f6.g7", seven);
        expected.put("a1.b2.c3.d4", nine);
        expected.put("a1.b0.c3.d4", eight);
        long request = 0;
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            caller.send(new Call(++request, Map.of(), entry.getKey(), Payload.EMPTY));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.registration()).as("registration of %s", entry.getKey())
                    .isEqualTo(entry.getValue());
            assertThat(invocation.details()).containsEntry("procedure", entry.getKey());
        }
    }

    @Test
    void exactThenPrefixThenWildcardTakeOverAsTheBetterOnesLeave() {
        TestPeer exact = RpcTesting.advanced(router);
        TestPeer prefix = RpcTesting.advanced(router);
        TestPeer wildcard = RpcTesting.advanced(router);
        long exactId = exact.register("com.example.tool.run");
        long prefixId = prefix.register("com.example.tool", options("match", "prefix"));
        long wildcardId = wildcard.register("com.example..run", options("match", "wildcard"));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, Map.of(), "com.example.tool.run", Payload.EMPTY));
        assertThat(exact.next(Invocation.class).registration()).isEqualTo(exactId);
        exact.send(new Unregister(exact.nextRequest(), exactId));
        exact.next(Unregistered.class);

        caller.send(new Call(2L, Map.of(), "com.example.tool.run", Payload.EMPTY));
        Invocation toPrefix = prefix.next(Invocation.class);
        assertThat(toPrefix.registration()).isEqualTo(prefixId);
        assertThat(toPrefix.details()).containsEntry("procedure", "com.example.tool.run");
        prefix.disconnect();
        caller.nextError(MessageType.CALL, 2L, WampUris.CANCELED);

        caller.send(new Call(3L, Map.of(), "com.example.tool.run", Payload.EMPTY));
        Invocation toWildcard = wildcard.next(Invocation.class);
        assertThat(toWildcard.registration()).isEqualTo(wildcardId);
        assertThat(toWildcard.details()).containsEntry("procedure", "com.example.tool.run");
        wildcard.send(new Yield(toWildcard.request(), Map.of(), Payload.ofArgs("wild")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("wild");
        exact.roundTrip();
        exact.expectNothingMore();
    }

    @Test
    void theLongestPrefixWins() {
        TestPeer shortPrefix = RpcTesting.advanced(router);
        TestPeer longPrefix = RpcTesting.advanced(router);
        long shortId = shortPrefix.register("com.example", options("match", "prefix"));
        long longId = longPrefix.register("com.example.deep", options("match", "prefix"));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, Map.of(), "com.example.deep.down", Payload.EMPTY));
        assertThat(longPrefix.next(Invocation.class).registration()).isEqualTo(longId);
        caller.send(new Call(2L, Map.of(), "com.example.shallow", Payload.EMPTY));
        assertThat(shortPrefix.next(Invocation.class).registration()).isEqualTo(shortId);
        caller.send(new Call(3L, Map.of(), "com.exampleish", Payload.EMPTY));
        assertThat(shortPrefix.next(Invocation.class).details()).containsEntry("procedure", "com.exampleish");
        longPrefix.roundTrip();
        longPrefix.expectNothingMore();
    }

    @Test
    void theSameUriUnderEachPolicyIsASeparateRegistration() {
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.advanced(router);
        TestPeer third = RpcTesting.advanced(router);
        long exactId = first.register("com.example.proc");
        long prefixId = second.register("com.example.proc", options("match", "prefix"));
        long wildcardId = third.register("com.example.proc", options("match", "wildcard"));

        assertThat(List.of(exactId, prefixId, wildcardId)).doesNotHaveDuplicates();
        Dealer dealer = RpcTesting.dealer(router);
        assertThat(dealer.lookup("com.example.proc", MatchPolicy.EXACT).id()).isEqualTo(exactId);
        assertThat(dealer.lookup("com.example.proc", MatchPolicy.PREFIX).id()).isEqualTo(prefixId);
        assertThat(dealer.lookup("com.example.proc", MatchPolicy.WILDCARD).id()).isEqualTo(wildcardId);
        assertThat(dealer.registration(prefixId).match()).isEqualTo(MatchPolicy.PREFIX);

        // the same pattern a second time is taken, as for exact URIs
        TestPeer fourth = RpcTesting.advanced(router);
        fourth.send(new Register(7L, options("match", "prefix"), "com.example.proc"));
        fourth.nextError(MessageType.REGISTER, 7L, WampUris.PROCEDURE_ALREADY_EXISTS);
    }

    @Test
    void emptyComponentsAreAllowedInPatternsOnly() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register("com..proc", options("match", "wildcard"));
        callee.register("com.example.", options("match", "prefix"));
        callee.send(new Register(5L, Map.of(), "com..other"));
        callee.nextError(MessageType.REGISTER, 5L, WampUris.INVALID_URI);
        callee.send(new Register(6L, options("match", "wildcard"), "com.ex ample..proc"));
        callee.nextError(MessageType.REGISTER, 6L, WampUris.INVALID_URI);

        // a call names a concrete procedure: an empty component is no wildcard there
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(1L, Map.of(), "com..proc", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 1L, WampUris.INVALID_URI);
        caller.send(new Call(2L, Map.of(), "com.any.proc", Payload.EMPTY));
        assertThat(callee.next(Invocation.class).details()).containsEntry("procedure", "com.any.proc");
    }

    @Test
    void aPatternRegistrationOfASharedUriFollowsItsInvocationPolicy() {
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.advanced(router);
        long registration = first.register("com.shared", options("match", "prefix", "invoke", "roundrobin"));
        second.send(new Register(3L, options("match", "prefix", "invoke", "roundrobin"), "com.shared"));
        assertThat(second.next(Registered.class).registration()).isEqualTo(registration);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, Map.of(), "com.shared.a", Payload.EMPTY));
        caller.send(new Call(2L, Map.of(), "com.shared.b", Payload.EMPTY));
        assertThat(first.next(Invocation.class).details()).containsEntry("procedure", "com.shared.a");
        assertThat(second.next(Invocation.class).details()).containsEntry("procedure", "com.shared.b");
    }
}
