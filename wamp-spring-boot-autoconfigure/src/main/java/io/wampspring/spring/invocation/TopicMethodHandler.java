package io.wampspring.spring.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

import io.wampspring.router.client.EventHandler;
import io.wampspring.router.message.Event;
import io.wampspring.spring.binding.MethodArguments;

/**
 * Delivers events to a {@code @WampTopic} method, as {@link TopicHandler} does: a failure (the method's exception, a
 * payload that does not fit its parameters) is logged and counted; it never reaches the publisher or other
 * subscribers.
 */
public final class TopicMethodHandler implements EventHandler {

    private final TopicHandler handler;

    /**
     * @param method the method to invoke on the bean (through its proxy, if any)
     * @param arguments the resolvers chosen for the method's parameters
     */
    public TopicMethodHandler(String topic, Object bean, Method method, MethodArguments arguments) {
        this(topic, bean, method, arguments, UnaryOperator.identity());
    }

    /**
     * @param decorator wraps the method's invocation (an observation around it)
     */
    public TopicMethodHandler(String topic, Object bean, Method method, MethodArguments arguments,
            UnaryOperator<TopicHandler.Body> decorator) {
        method.setAccessible(true);
        this.handler = new TopicHandler(topic, decorator.apply(context -> {
            try {
                method.invoke(bean, arguments.resolve(context));
            }
            catch (InvocationTargetException ex) {
                throw ex.getTargetException();
            }
        }), "@WampTopic " + topic + " -> " + method.toGenericString());
    }

    @Override
    public void onEvent(Event event) {
        handler.onEvent(event);
    }

    /** Events this method failed to handle. */
    public long failures() {
        return handler.failures();
    }

    @Override
    public String toString() {
        return handler.toString();
    }
}
