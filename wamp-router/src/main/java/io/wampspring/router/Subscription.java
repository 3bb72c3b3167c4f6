package io.wampspring.router;

import java.util.Arrays;

/**
 * A topic subscription: immutable, replaced as a whole when its subscribers change, so a PUBLISH iterates a
 * consistent array without a lock.
 *
 * @param match the match policy ({@code exact} for now; {@code prefix} and {@code wildcard} come with pattern-based
 *              subscription)
 */
public record Subscription(long id, String uri, String match, WampPeer[] subscribers) {

    Subscription withSubscriber(WampPeer peer) {
        for (WampPeer subscriber : subscribers) {
            if (subscriber == peer) {
                return this;
            }
        }
        WampPeer[] more = Arrays.copyOf(subscribers, subscribers.length + 1);
        more[subscribers.length] = peer;
        return new Subscription(id, uri, match, more);
    }

    Subscription withoutSubscriber(WampPeer peer) {
        return new Subscription(id, uri, match,
                Arrays.stream(subscribers).filter(subscriber -> subscriber != peer).toArray(WampPeer[]::new));
    }

    public int subscriberCount() {
        return subscribers.length;
    }
}
