package io.wampspring.spring.invocation;

import java.lang.reflect.Method;

import io.wampspring.router.client.LocalSubscription;
import io.wampspring.spring.annotation.Match;

/**
 * A subscribed {@code @WampTopic} method, as {@link WampEndpointRegistrar#topicEndpoints()} lists it: where it is
 * subscribed, and how many events it failed to handle or lost because it fell too far behind
 * ({@code wamp.local.event-backlog}). The counts are live and start at zero when the application starts.
 */
public final class WampTopicEndpoint {

    private final String realm;
    private final String topic;
    private final Match match;
    private final Method method;
    private final TopicMethodHandler handler;
    private final LocalSubscription subscription;

    WampTopicEndpoint(String realm, String topic, Match match, Method method, TopicMethodHandler handler,
            LocalSubscription subscription) {
        this.realm = realm;
        this.topic = topic;
        this.match = match;
        this.method = method;
        this.handler = handler;
        this.subscription = subscription;
    }

    public String realm() {
        return realm;
    }

    /** The subscribed topic URI, or pattern. */
    public String topic() {
        return topic;
    }

    public Match match() {
        return match;
    }

    /** The annotated method. */
    public Method method() {
        return method;
    }

    /** The router's subscription id (shared by every handler of the application's session on this topic). */
    public long subscriptionId() {
        return subscription.id();
    }

    /** Events the method threw on, or whose payload did not fit its parameters. */
    public long failures() {
        return handler.failures();
    }

    /** Events dropped for this method while it was more than the event backlog behind. */
    public long droppedEvents() {
        return subscription.droppedEvents();
    }

    @Override
    public String toString() {
        return handler.toString();
    }
}
