package io.wampspring.spring.invocation;

import java.lang.reflect.Method;
import java.util.Map;

import io.wampspring.spring.annotation.Invoke;
import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The REGISTER and SUBSCRIBE options {@link WampEndpointRegistrar} builds from the annotations' attributes. */
class EndpointOptionsTests {

    private static Map<String, Object> registerOptions(String methodName) throws NoSuchMethodException {
        Method method = Endpoints.class.getDeclaredMethod(methodName);
        return WampEndpointRegistrar.registerOptions(
                AnnotatedElementUtils.findMergedAnnotation(method, WampProcedure.class));
    }

    private static Map<String, Object> subscribeOptions(String methodName) throws NoSuchMethodException {
        Method method = Endpoints.class.getDeclaredMethod(methodName);
        return WampEndpointRegistrar.subscribeOptions(AnnotatedElementUtils.findMergedAnnotation(method,
                WampTopic.class));
    }

    @Test
    void defaultProcedureSendsNoOptions() throws Exception {
        assertThat(registerOptions("plain")).isEmpty();
    }

    @Test
    void matchPoliciesInLowerCase() throws Exception {
        assertThat(registerOptions("prefix")).isEqualTo(Map.of("match", "prefix"));
        assertThat(registerOptions("wildcard")).isEqualTo(Map.of("match", "wildcard"));
    }

    @Test
    void invocationPoliciesInLowerCase() throws Exception {
        assertThat(registerOptions("roundRobin")).isEqualTo(Map.of("invoke", "roundrobin"));
        assertThat(registerOptions("last")).isEqualTo(Map.of("invoke", "last"));
    }

    @Test
    void discloseCallerWhenAsked() throws Exception {
        assertThat(registerOptions("disclosing")).isEqualTo(Map.of("disclose_caller", true));
    }

    @Test
    void everyNonDefaultAttributeTogether() throws Exception {
        assertThat(registerOptions("everything"))
                .isEqualTo(Map.of("match", "wildcard", "invoke", "random", "disclose_caller", true));
    }

    @Test
    void explicitDefaultsSendNoOptions() throws Exception {
        assertThat(registerOptions("explicitDefaults")).isEmpty();
        assertThat(subscribeOptions("explicitExactTopic")).isEmpty();
    }

    @Test
    void topicMatchPolicy() throws Exception {
        assertThat(subscribeOptions("plainTopic")).isEmpty();
        assertThat(subscribeOptions("prefixTopic")).isEqualTo(Map.of("match", "prefix"));
        assertThat(subscribeOptions("wildcardTopic")).isEqualTo(Map.of("match", "wildcard"));
    }

    @Test
    void getRetainedWhenAsked() throws Exception {
        assertThat(subscribeOptions("retainedTopic")).isEqualTo(Map.of("get_retained", true));
        assertThat(subscribeOptions("retainedPrefixTopic"))
                .isEqualTo(Map.of("match", "prefix", "get_retained", true));
    }

    @SuppressWarnings("unused")
    static class Endpoints {

        @WampProcedure("test.plain")
        void plain() {
        }

        @WampProcedure(value = "test.prefix", match = Match.PREFIX)
        void prefix() {
        }

        @WampProcedure(value = "test..wildcard", match = Match.WILDCARD)
        void wildcard() {
        }

        @WampProcedure(value = "test.shared", invoke = Invoke.ROUNDROBIN)
        void roundRobin() {
        }

        @WampProcedure(value = "test.shared", invoke = Invoke.LAST)
        void last() {
        }

        @WampProcedure(value = "test.disclosing", discloseCaller = true)
        void disclosing() {
        }

        @WampProcedure(value = "test..everything", match = Match.WILDCARD, invoke = Invoke.RANDOM,
                discloseCaller = true)
        void everything() {
        }

        @WampProcedure(value = "test.defaults", match = Match.EXACT, invoke = Invoke.SINGLE, discloseCaller = false)
        void explicitDefaults() {
        }

        @WampTopic("test.topic")
        void plainTopic() {
        }

        @WampTopic(value = "test.topic", match = Match.EXACT, getRetained = false)
        void explicitExactTopic() {
        }

        @WampTopic(value = "test", match = Match.PREFIX)
        void prefixTopic() {
        }

        @WampTopic(value = "test..topic", match = Match.WILDCARD)
        void wildcardTopic() {
        }

        @WampTopic(value = "test.topic", getRetained = true)
        void retainedTopic() {
        }

        @WampTopic(value = "test.", match = Match.PREFIX, getRetained = true)
        void retainedPrefixTopic() {
        }
    }
}
