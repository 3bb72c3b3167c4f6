package io.wampspring.spring.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.WampMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared registrations between an annotated method and remote callees: round-robin calls alternate between them,
 * another invocation policy is refused, and a single registration admits nobody else.
 */
class AdvancedRpcSharedRegistrationIntegrationTests extends AbstractWampIntegrationTests {

    private static final String ROUND_ROBIN = "com.test.shared.roundrobin";
    private static final String SINGLE = "com.test.shared.single";

    @AllSerializers
    void roundRobinAlternatesBetweenTheAnnotatedMethodAndARemoteCallee(String serializer) {
        TestWampClient callee = join(serializer);
        TestWampClient caller = join(serializer);
        long registration = callee.register(ROUND_ROBIN, Map.of("invoke", "roundrobin"),
                invocation -> Payload.of(List.of("remote"), null));
        try {
            List<Object> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(caller.callForValue(ROUND_ROBIN));
            }
            assertThat(answers).containsOnly("spring", "remote");
            for (int i = 1; i < answers.size(); i++) {
                assertThat(answers.get(i)).as("call %d of %s", i, answers).isNotEqualTo(answers.get(i - 1));
            }
        }
        finally {
            callee.unregister(registration);
        }
        // the annotated method is left alone, and serves every call
        assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
        assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
    }

    @AllSerializers
    void aRemoteCalleeLeavingRemovesItFromTheRotation(String serializer) {
        TestWampClient callee = join(serializer);
        TestWampClient caller = join(serializer);
        callee.register(ROUND_ROBIN, Map.of("invoke", "roundrobin"), invocation -> Payload.of(List.of("remote"),
                null));
        List<Object> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(caller.callForValue(ROUND_ROBIN));
        }
        assertThat(answers).containsExactlyInAnyOrder("spring", "remote");
        callee.close();
        // once the router has seen the session leave, the annotated method serves every call
        await().atMost(TestWampClient.TIMEOUT).untilAsserted(() -> {
            assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
            assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
        });
    }

    @AllSerializers
    void anotherInvocationPolicyIsRefused(String serializer) {
        TestWampClient callee = join(serializer);
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of("invoke", "random"),
                Map.of("invoke", "first"), Map.of("invoke", "last"))) {
            WampMessage reply = callee.registerWith(ROUND_ROBIN, options);
            assertThat(reply).as("REGISTER with %s", options).isInstanceOf(ErrorMessage.class);
            assertThat(((ErrorMessage) reply).error())
                    .isEqualTo("wamp.error.procedure_exists_with_different_invocation_policy");
        }
        // the annotated method still serves alone
        TestWampClient caller = join(serializer);
        assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
        assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
    }

    @AllSerializers
    void aSingleRegistrationAdmitsNoOtherCallee(String serializer) {
        TestWampClient callee = join(serializer);
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of(), Map.of("invoke", "single"),
                Map.of("invoke", "roundrobin"))) {
            WampMessage reply = callee.registerWith(SINGLE, options);
            assertThat(reply).as("REGISTER with %s", options).isInstanceOf(ErrorMessage.class);
            assertThat(((ErrorMessage) reply).error()).isEqualTo("wamp.error.procedure_already_exists");
        }
        assertThat(join(serializer).callForValue(SINGLE)).isEqualTo("spring");
    }

    @AllSerializers
    void aSecondRemoteCalleeJoinsTheRotation(String serializer) {
        TestWampClient first = join(serializer);
        TestWampClient second = join(serializer);
        TestWampClient caller = join(serializer);
        long one = first.register(ROUND_ROBIN, Map.of("invoke", "roundrobin"),
                invocation -> Payload.of(List.of("first"), null));
        long two = second.register(ROUND_ROBIN, Map.of("invoke", "roundrobin"),
                invocation -> Payload.of(List.of("second"), null));
        // every callee of a shared registration has the same registration id
        assertThat(two).isEqualTo(one);
        try {
            List<Object> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(caller.callForValue(ROUND_ROBIN));
            }
            // each callee in turn: every window of three calls visits all three once
            assertThat(answers.subList(0, 3)).containsExactlyInAnyOrder("spring", "first", "second");
            assertThat(answers.subList(3, 6)).isEqualTo(answers.subList(0, 3));
        }
        finally {
            second.unregister(two);
            first.unregister(one);
        }
        assertThat(caller.callForValue(ROUND_ROBIN)).isEqualTo("spring");
    }
}
