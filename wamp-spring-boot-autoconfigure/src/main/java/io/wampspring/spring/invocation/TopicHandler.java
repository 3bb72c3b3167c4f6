package io.wampspring.spring.invocation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.client.EventHandler;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.WampEventContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of a subscription to Java code (an annotated method, a lambda subscribed through the
 * template) with the event's context. A failure is logged and counted; it never reaches the publisher or other
 * subscribers.
 * <p>
 * A retained event reaches the body only when this subscription asked for it ({@code get_retained}), and once: the
 * handlers of one session on one topic share the router's subscription, so each handler's {@code get_retained}
 * brings the retained events to all of them. The broker sends them right after SUBSCRIBED, before any newer event,
 * so those that belong to this handler are the ones before its first live event.
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
    /**
     * Publication ids of the retained events the body got; null once a live event came (or when it asked for none).
     * Only the subscription's ordered lane touches it, one event at a time.
     */
    private @Nullable Set<Long> retainedSeen;
    private volatile boolean stopped;

    /**
     * @param topic the subscribed topic URI (or pattern)
     * @param getRetained whether the subscription asked for the topic's retained event
     * @param description names the handler in log messages
     */
    public TopicHandler(String topic, boolean getRetained, Body body, String description) {
        this.topic = topic;
        this.body = body;
        this.description = description;
        this.retainedSeen = getRetained ? new HashSet<>() : null;
    }

    @Override
    public void onEvent(Event event) {
        if (stopped || !isForThisHandler(event)) {
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

    private boolean isForThisHandler(Event event) {
        if (!Boolean.TRUE.equals(event.details().get("retained"))) {
            retainedSeen = null;
            return true;
        }
        return retainedSeen != null && retainedSeen.add(event.publication());
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
