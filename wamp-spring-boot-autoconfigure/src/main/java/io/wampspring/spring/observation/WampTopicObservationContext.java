package io.wampspring.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a {@code @WampTopic} method handling an event knows: the realm, the subscribed topic URI (a
 * pattern for a pattern subscription, never the topic actually published to), and how the handling ended.
 */
public class WampTopicObservationContext extends Observation.Context {

    private final String realm;
    private final String topic;
    private String outcome = "success";
    private @Nullable String exception;

    public WampTopicObservationContext(String realm, String topic) {
        this.realm = realm;
        this.topic = topic;
    }

    public String getRealm() {
        return realm;
    }

    /** The subscribed topic URI (or pattern). */
    public String getTopic() {
        return topic;
    }

    /** {@code success} or {@code error}. */
    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /** The simple class name of what the method threw, null after a success. */
    public @Nullable String getException() {
        return exception;
    }

    public void setException(@Nullable String exception) {
        this.exception = exception;
    }
}
