package io.wampspring.spring.invocation;

import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/** Reactor's {@code Flux} and {@code Mono} as {@link Flow.Publisher}s, when Reactor is on the classpath. */
final class ReactiveResults {

    private static final boolean REACTOR_PRESENT =
            ClassUtils.isPresent("reactor.core.publisher.Flux", ReactiveResults.class.getClassLoader());

    private ReactiveResults() {
    }

    /** The value as a Flow publisher, or null when it is not a reactive-streams publisher. */
    static Flow.@Nullable Publisher<?> asFlowPublisher(@Nullable Object value) {
        if (value instanceof Flow.Publisher<?> publisher) {
            return publisher;
        }
        return REACTOR_PRESENT ? Reactor.adapt(value) : null;
    }

    /** Loaded only when Reactor is present. */
    private static final class Reactor {

        static Flow.@Nullable Publisher<?> adapt(@Nullable Object value) {
            if (value instanceof org.reactivestreams.Publisher<?> publisher) {
                return JdkFlowAdapter.publisherToFlowPublisher(Flux.from(publisher));
            }
            return null;
        }
    }
}
