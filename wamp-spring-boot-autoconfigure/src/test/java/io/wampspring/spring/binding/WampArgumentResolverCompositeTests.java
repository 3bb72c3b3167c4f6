package io.wampspring.spring.binding;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.router.client.WampException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How {@link WampArgumentResolverComposite} chooses a resolver per parameter and counts value parameters. */
class WampArgumentResolverCompositeTests {

    private final WampPayloadConverter converter = new WampPayloadConverter(JsonMapper.builder().build());

    private static Method method(String name) {
        return Arrays.stream(Endpoints.class.getDeclaredMethods()).filter(method -> method.getName().equals(name))
                .findFirst().orElseThrow();
    }

    private static WampCallContext call(List<Object> args, Map<String, Object> kwargs) {
        return new WampCallContext("test.procedure", 1, Map.of(), args, kwargs);
    }

    private MethodArguments forProcedure(String name, WampArgumentResolver... custom) {
        return WampArgumentResolverComposite.forProcedures(List.of(custom), converter).forMethod(method(name));
    }

    @Test
    void firstSupportingResolverWins() throws Exception {
        Fixed first = new Fixed(Stamp.class, "first");
        Fixed second = new Fixed(Stamp.class, "second");
        MethodArguments arguments = forProcedure("stampOnly", first, second);
        assertThat(arguments.resolverOf(0)).isSameAs(first);
        assertThat(arguments.resolve(call(List.of(), Map.of()))).containsExactly(new Stamp("first"));
    }

    @Test
    void applicationResolverComesBeforeBuiltIns() throws Exception {
        // a resolver of its own claims a String parameter the payload would otherwise fill, and the context type
        Fixed strings = new Fixed(String.class, "from the resolver");
        WampCallContext ownContext = call(List.of("own"), Map.of());
        Fixed contexts = new Fixed(WampCallContext.class, ownContext);
        MethodArguments arguments = forProcedure("textAndContext", strings, contexts);
        assertThat(arguments.resolve(call(List.of(), Map.of()))).containsExactly("from the resolver", ownContext);
    }

    @Test
    void supportsParameterIsAskedOnceWhenTheMethodIsBuiltNeverPerInvocation() throws Exception {
        Fixed stamps = new Fixed(Stamp.class, "s");
        MethodArguments arguments = forProcedure("mixed", stamps);
        // four parameters, each asked once
        assertThat(stamps.asked.get()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            arguments.resolve(call(List.of(1, 2), Map.of()));
        }
        assertThat(stamps.asked.get()).isEqualTo(4);
        assertThat(stamps.resolved.get()).isEqualTo(3);
    }

    @Test
    void positionsCountOnlyValueParameters() throws Exception {
        // mixed(Stamp stamp, int a, WampCallContext call, int b)
        MethodArguments arguments = forProcedure("mixed", new Fixed(Stamp.class, "s"));
        WampCallContext context = call(List.of(1, 2), Map.of());
        assertThat(arguments.resolve(context)).containsExactly(new Stamp("s"), 1, context, 2);
        WampCallContext byName = call(List.of(7), Map.of("b", 8));
        assertThat(arguments.resolve(byName)).containsExactly(new Stamp("s"), 7, byName, 8);
    }

    @Test
    void nonValueParametersDoNotRaiseThePositionalLimit() {
        MethodArguments arguments = forProcedure("mixed", new Fixed(Stamp.class, "s"));
        assertThatExceptionOfType(WampException.class)
                .isThrownBy(() -> arguments.resolve(call(List.of(1, 2, 3), Map.of())))
                .satisfies(ex -> {
                    assertThat(ex.uri()).isEqualTo("wamp.error.invalid_argument");
                    assertThat(ex.args()).containsExactly("expected at most 2 positional arguments, got 3");
                });
    }

    @Test
    void missingPrimitiveNamesTheParameter() {
        MethodArguments arguments = forProcedure("mixed", new Fixed(Stamp.class, "s"));
        assertThatExceptionOfType(WampException.class)
                .isThrownBy(() -> arguments.resolve(call(List.of(1), Map.of())))
                .satisfies(ex -> assertThat(ex.args()).containsExactly("missing argument 'b' of mixed"));
    }

    @Test
    void aMethodOfNonValueParametersOnlyTakesAnyPayload() throws Exception {
        MethodArguments arguments = forProcedure("stampAndContext", new Fixed(Stamp.class, "s"));
        WampCallContext context = call(List.of("a", 2, true), Map.of("k", "v"));
        assertThat(arguments.resolve(context)).containsExactly(new Stamp("s"), context);
    }

    @Test
    void aMethodWithoutParametersRefusesArguments() {
        MethodArguments arguments = forProcedure("none");
        assertThatExceptionOfType(WampException.class)
                .isThrownBy(() -> arguments.resolve(call(List.of(1), Map.of())))
                .satisfies(ex -> assertThat(ex.args()).containsExactly(
                        "expected at most 0 positional arguments, got 1"));
    }

    @Test
    void singleObjectValueParameterTakesTheWholeKwargsBesideOtherParameters() throws Exception {
        MethodArguments arguments = forProcedure("personAndStamp", new Fixed(Stamp.class, "s"));
        assertThat(arguments.resolve(call(List.of(), Map.of("name", "Ada", "age", 36))))
                .containsExactly(new Person("Ada", 36), new Stamp("s"));
    }

    @Test
    void conversionFailureNamesTheArgument() {
        MethodArguments arguments = forProcedure("mixed", new Fixed(Stamp.class, "s"));
        assertThatExceptionOfType(WampException.class)
                .isThrownBy(() -> arguments.resolve(call(List.of(1, "two"), Map.of())))
                .satisfies(ex -> assertThat((String) ex.args().get(0))
                        .startsWith("argument 1 ('b') cannot be read as int"));
    }

    @Test
    void aParameterNothingCanFillFailsWhenTheMethodIsBuilt() {
        // the caller is a procedure's; an event has none
        assertThatIllegalStateException()
                .isThrownBy(() -> WampArgumentResolverComposite.forTopics(List.of(), converter)
                        .forMethod(method("withCaller")))
                .withMessageContaining("parameter 0 (io.wampspring.spring.binding.WampCaller)")
                .withMessageContaining("withCaller");
        // a procedure gets no event context
        assertThatIllegalStateException()
                .isThrownBy(() -> forProcedure("withEventContext"))
                .withMessageContaining("WampEventContext");
    }

    @Test
    void invocationContextParameterTakesEitherContext() throws Exception {
        WampCallContext call = call(List.of("x"), Map.of());
        assertThat(forProcedure("anyContext").resolve(call)).containsExactly(call, "x");
        WampEventContext event = new WampEventContext("test.topic", 2, 3, Map.of(), List.of("y"), Map.of());
        assertThat(WampArgumentResolverComposite.forTopics(List.of(), converter).forMethod(method("anyContext"))
                .resolve(event)).containsExactly(event, "y");
    }

    @Test
    void anExceptionOfAnApplicationResolverPropagates() {
        WampArgumentResolver failing = new WampArgumentResolver() {

            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Stamp.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, WampInvocationContext context)
                    throws Exception {
                throw new java.io.IOException("no stamp today");
            }
        };
        MethodArguments arguments = forProcedure("stampOnly", failing);
        assertThatExceptionOfType(java.io.IOException.class)
                .isThrownBy(() -> arguments.resolve(call(List.of(), Map.of()))).withMessage("no stamp today");
    }

    // ---- fixtures ----

    record Stamp(String value) {
    }

    record Person(String name, int age) {
    }

    /** Resolves parameters of one type to a fixed value, counting how often it is asked. */
    static final class Fixed implements WampArgumentResolver {

        final Class<?> type;
        final Object value;
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger resolved = new AtomicInteger();

        Fixed(Class<?> type, Object value) {
            this.type = type;
            this.value = type == Stamp.class && value instanceof String text ? new Stamp(text) : value;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            asked.incrementAndGet();
            return parameter.getParameterType() == type;
        }

        @Override
        public @Nullable Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
            resolved.incrementAndGet();
            return value;
        }
    }

    @SuppressWarnings("unused")
    static class Endpoints {

        void stampOnly(Stamp stamp) {
        }

        void textAndContext(String text, WampCallContext call) {
        }

        void mixed(Stamp stamp, int a, WampCallContext call, int b) {
        }

        void stampAndContext(Stamp stamp, WampCallContext call) {
        }

        void none() {
        }

        void personAndStamp(Person person, Stamp stamp) {
        }

        void withCaller(WampCaller caller) {
        }

        void withEventContext(WampEventContext event) {
        }

        void anyContext(WampInvocationContext context, String value) {
        }
    }
}
