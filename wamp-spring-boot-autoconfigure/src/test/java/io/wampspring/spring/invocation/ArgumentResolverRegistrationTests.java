package io.wampspring.spring.invocation;

import java.util.concurrent.TimeUnit;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampArgumentResolver;
import io.wampspring.spring.binding.WampCaller;
import io.wampspring.spring.binding.WampInvocationContext;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/** Application resolvers reach the registrar through auto-configuration; unfillable parameters fail the start. */
class ArgumentResolverRegistrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                    TaskExecutionAutoConfiguration.class));

    @Test
    void orderedResolverBeansComeFirstInTheirOrder() {
        runner.withBean("late", WampArgumentResolver.class, () -> new NamedResolver("late", 5))
                .withBean("early", WampArgumentResolver.class, () -> new NamedResolver("early", -5))
                .withBean(NameEndpoint.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    WampTemplate template = context.getBean(WampTemplate.class);
                    assertThat(template.call("test.resolvers.name", String.class).get(10, TimeUnit.SECONDS))
                            .isEqualTo("early");
                });
    }

    @Test
    void aCallerParameterOfATopicMethodFailsTheStart() {
        runner.withBean(CallerOfEvent.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                    .hasMessageContaining("No WampArgumentResolver supports parameter 0")
                    .hasMessageContaining("CallerOfEvent.onEvent");
        });
    }

    /** A name of its own, resolved into String parameters named {@code name}. */
    record NamedResolver(String value, int order) implements WampArgumentResolver, Ordered {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return "name".equals(parameter.getParameterName());
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
            return value;
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    static class NameEndpoint {

        @WampProcedure("test.resolvers.name")
        String name(String name) {
            return name;
        }
    }

    static class CallerOfEvent {

        @WampTopic("test.resolvers.event")
        void onEvent(WampCaller caller) {
        }
    }
}
