package io.wampspring.spring.invocation;

import io.wampspring.router.client.InvocationHandler;

/**
 * Wraps the handlers of annotated endpoints as {@link WampEndpointRegistrar} registers and subscribes them: how
 * observations (metrics, tracing) reach {@code @WampProcedure} and {@code @WampTopic} methods.
 */
public interface WampEndpointDecorator {

    /** Leaves every handler as it is. */
    WampEndpointDecorator NONE = new WampEndpointDecorator() {
    };

    /**
     * The handler to register for {@code procedure} (its registered URI) in {@code realm}.
     */
    default InvocationHandler procedure(String realm, String procedure, InvocationHandler handler) {
        return handler;
    }

    /**
     * The body that handles the events of {@code topic} (its subscribed URI) in {@code realm}; it runs on the event's
     * ordered lane and may throw, which the handler logs and counts.
     */
    default TopicHandler.Body topic(String realm, String topic, TopicHandler.Body body) {
        return body;
    }
}
