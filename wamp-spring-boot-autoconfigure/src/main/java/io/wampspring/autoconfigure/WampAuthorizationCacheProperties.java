package io.wampspring.autoconfigure;

import java.time.Duration;

/** The cache of an Authorizer bean's decisions ({@code wamp.authorization.cache}). */
public class WampAuthorizationCacheProperties {

    /** Most decisions of the Authorizer bean kept at once, the oldest dropped first. */
    private int maxSize = 10_000;

    /** How long a decision of the Authorizer bean is kept before the bean is asked again. */
    private Duration timeToLive = Duration.ofMinutes(1);

    public int getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(int maxSize) {
        this.maxSize = maxSize;
    }

    public Duration getTimeToLive() {
        return timeToLive;
    }

    public void setTimeToLive(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }
}
