package io.wampspring.spring.binding;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WampCaller} parameters from INVOCATION.Details, disclosed or not. */
class CallerArgumentResolverTests {

    private static final Map<String, Object> DISCLOSED = Map.of("caller", 4711L, "caller_authid", "ada",
            "caller_authrole", "admin");

    private final CallerArgumentResolver resolver = new CallerArgumentResolver();

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        Method method = Endpoints.class.getDeclaredMethod("endpoint", WampCaller.class, Optional.class,
                Optional.class, String.class);
        return new MethodParameter(method, index);
    }

    private static WampCallContext call(Map<String, Object> details) {
        return new WampCallContext("test.procedure", 1, details, List.of(), Map.of());
    }

    @Test
    void supportsTheCallerAndAnOptionalCallerOnly() throws Exception {
        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(1))).isTrue();
        assertThat(resolver.supportsParameter(parameter(2))).isFalse();
        assertThat(resolver.supportsParameter(parameter(3))).isFalse();
    }

    @Test
    void disclosedCallerIsInjected() throws Exception {
        WampCaller expected = new WampCaller(4711, "ada", "admin");
        assertThat(resolver.resolveArgument(parameter(0), call(DISCLOSED))).isEqualTo(expected);
        assertThat(resolver.resolveArgument(parameter(1), call(DISCLOSED))).isEqualTo(Optional.of(expected));
        assertThat(call(DISCLOSED).caller()).isEqualTo(expected);
    }

    @Test
    void sessionIdWithoutAuthenticationDetails() throws Exception {
        assertThat(resolver.resolveArgument(parameter(0), call(Map.of("caller", 12))))
                .isEqualTo(new WampCaller(12, null, null));
    }

    @Test
    void undisclosedCallerIsNullOrEmpty() throws Exception {
        assertThat(resolver.resolveArgument(parameter(0), call(Map.of()))).isNull();
        assertThat(resolver.resolveArgument(parameter(1), call(Map.of()))).isEqualTo(Optional.empty());
        // an authid without the session id names nobody
        assertThat(resolver.resolveArgument(parameter(0), call(Map.of("caller_authid", "ada")))).isNull();
        assertThat(call(Map.of()).caller()).isNull();
    }

    @Test
    void callerParameterTakesNoArgumentsPlace() throws Exception {
        Method method = Endpoints.class.getDeclaredMethod("greet", Optional.class, String.class);
        MethodArguments arguments = WampArgumentResolverComposite
                .forProcedures(List.of(), new WampPayloadConverter(JsonMapper.builder().build())).forMethod(method);
        WampCallContext context = new WampCallContext("test.greet", 1, DISCLOSED, List.of("hi"), Map.of());
        assertThat(arguments.resolve(context))
                .containsExactly(Optional.of(new WampCaller(4711, "ada", "admin")), "hi");
    }

    @SuppressWarnings("unused")
    static class Endpoints {

        void endpoint(WampCaller caller, Optional<WampCaller> optionalCaller, Optional<String> other, String text) {
        }

        void greet(Optional<WampCaller> caller, String greeting) {
        }
    }
}
