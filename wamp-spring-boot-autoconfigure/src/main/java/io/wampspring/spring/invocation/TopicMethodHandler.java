package io.wampspring.spring.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.client.EventHandler;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.MethodArguments;
import io.wampspring.spring.binding.WampArgumentResolverComposite;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.binding.WampPayloadConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to a {@code @WampTopic} method. A failure is logged and counted; it never reaches the publisher or
 * other subscribers.
 */
public final class TopicMethodHandler implements EventHandler {

    private static final Logger logger = LoggerFactory.getLogger(TopicMethodHandler.class);

    private final String topic;
    private final Object bean;
    private final Method method;
    private final MethodArguments arguments;
    private final LongAdder failures = new LongAdder();

    /** A handler whose parameters only the built-in resolvers fill. */
    public TopicMethodHandler(String topic, Object bean, Method method, WampPayloadConverter converter) {
        this(topic, bean, method, WampArgumentResolverComposite.forTopics(List.of(), converter).forMethod(method));
    }

    /**
     * @param method the method to invoke on the bean (through its proxy, if any)
     * @param arguments the resolvers chosen for the method's parameters
     */
    public TopicMethodHandler(String topic, Object bean, Method method, MethodArguments arguments) {
        this.topic = topic;
        this.bean = bean;
        this.method = method;
        this.arguments = arguments;
        method.setAccessible(true);
    }

    @Override
    public void onEvent(Event event) {
        Payload payload = event.payload();
        // a pattern subscription's event names the topic it was published to
        String published = event.details().get("topic") instanceof String actual ? actual : topic;
        WampEventContext context = new WampEventContext(published, event.subscription(), event.publication(),
                event.details(), payload.args() != null ? payload.args() : List.of(),
                payload.kwargs() != null ? payload.kwargs() : Map.of());
        try {
            method.invoke(bean, arguments.resolve(context));
        }
        catch (InvocationTargetException ex) {
            failed(ex.getTargetException());
        }
        catch (Exception ex) {
            // a payload that does not fit, a resolver's failure, or an inaccessible method
            failed(ex);
        }
    }

    private void failed(Throwable failure) {
        failures.increment();
        logger.error("@WampTopic {} failed on {}", topic, method.toGenericString(), failure);
    }

    /** Events this method failed to handle. */
    public long failures() {
        return failures.sum();
    }

    @Override
    public String toString() {
        return topic + " -> " + method.toGenericString();
    }
}
