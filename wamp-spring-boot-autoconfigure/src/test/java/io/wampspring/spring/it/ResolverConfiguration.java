package io.wampspring.spring.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.binding.WampArgumentResolver;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampInvocationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;

/** Argument resolvers of the application's own, for {@link ResolverEndpoints}. */
@Configuration(proxyBeanMethods = false)
public class ResolverConfiguration {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    /** When a call was received, by the application's clock. */
    record RequestTime(Instant at) {
    }

    /** What kind of invocation a method serves, and how many positional arguments came with it. */
    record InvocationSummary(String kind, int positional) {
    }

    /** Filled by whichever of two resolvers comes first. */
    record Greeting(String text) {
    }

    /** Its resolver always refuses. */
    record Refused() {
    }

    @Bean
    Clock wampTestClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    WampArgumentResolver requestTimeResolver(Clock clock) {
        return new TypeResolver(RequestTime.class) {

            @Override
            public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
                return new RequestTime(clock.instant());
            }
        };
    }

    @Bean
    WampArgumentResolver invocationSummaryResolver() {
        return new TypeResolver(InvocationSummary.class) {

            @Override
            public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
                String kind = context instanceof WampCallContext ? "call" : "event";
                return new InvocationSummary(kind, context.args().size());
            }
        };
    }

    // declared before the one that wins, so only its order can put it behind
    @Bean
    @Order(20)
    WampArgumentResolver laterGreetingResolver() {
        return new TypeResolver(Greeting.class) {

            @Override
            public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
                return new Greeting("from the later resolver");
            }
        };
    }

    @Bean
    @Order(10)
    WampArgumentResolver earlierGreetingResolver() {
        return new TypeResolver(Greeting.class) {

            @Override
            public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
                return new Greeting("from the earlier resolver");
            }
        };
    }

    @Bean
    WampArgumentResolver refusingResolver() {
        return new TypeResolver(Refused.class) {

            @Override
            public Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
                throw new WampException("test.error.refused", "not today");
            }
        };
    }

    /** Supports the parameters of one type. */
    abstract static class TypeResolver implements WampArgumentResolver {

        private final Class<?> type;

        TypeResolver(Class<?> type) {
            this.type = type;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == type;
        }
    }
}
