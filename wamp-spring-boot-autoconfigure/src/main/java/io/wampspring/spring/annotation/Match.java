package io.wampspring.spring.annotation;

/**
 * How a registration's or subscription's URI matches the URIs of calls or events (WAMP pattern-based registration
 * and subscription); sent as the {@code match} option in lower case.
 */
public enum Match {

    /** The URI as given; the default, sent as no option at all. */
    EXACT,

    /** Every URI that starts with the given one. */
    PREFIX,

    /** Every URI whose components equal the given ones, an empty component matching any. */
    WILDCARD
}
