package io.wampspring.spring.invocation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.client.EventHandler;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.WampEventContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of a subscription to Java code (an annotated method, a lambda subscribed through the
 * template) with the event's context. A failure is logged and counted; it never reaches the publisher or other
 * subscribers.
 * <p>
 * Retained events reach the body only when its subscription asked for them ({@code get_retained}), once: the local
 * session hands them to the handler whose SUBSCRIBE brought them, not to the others that share the subscription.
 */
public final class TopicHandler implements EventHandler {

    private static final Logger logger = LoggerFactory.getLogger(TopicHandler.class);

    /** What handles an event; may throw. */
    @FunctionalInterface
    public interface Body {
        void onEvent(WampEventContext event) throws Throwable;
    }

    private final String topic;
    private final Body body;
    private final String description;
    private final LongAdder failures = new LongAdder();
    private volatile boolean stopped;

    /**
     * @param topic the subscribed topic URI (or pattern)
     * @param description names the handler in log messages
     */
    public TopicHandler(String topic, Body body, String description) {
        this.topic = topic;
        this.body = body;
        this.description = description;
    }

    @Override
    public void onEvent(Event event) {
        if (stopped) {
            return;
        }
        Payload payload = event.payload();
        // a pattern subscription's event names the topic it was published to
        String published = event.details().get("topic") instanceof String actual ? actual : topic;
        WampEventContext context = new WampEventContext(published, event.subscription(), event.publication(),
                event.details(), payload.args() != null ? payload.args() : List.of(),
                payload.kwargs() != null ? payload.kwargs() : Map.of());
        try {
            body.onEvent(context);
        }
        catch (Throwable ex) {
            failures.increment();
            logger.error("{} failed on an event of {}", description, published, ex);
        }
    }

    /** Events the body failed to handle. */
    public long failures() {
        return failures.sum();
    }

    /** No event starts to reach the body from now on (one it is handling right now completes). */
    public void stop() {
        stopped = true;
    }

    @Override
    public String toString() {
        return description;
    }
}
