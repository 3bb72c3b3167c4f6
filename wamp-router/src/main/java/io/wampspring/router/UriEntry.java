package io.wampspring.router;

import java.time.Instant;

import io.wampspring.router.match.MatchPolicy;

/**
 * What a {@link Registration} and a {@link Subscription} have in common: an id the router chose for a URI under a
 * match policy, created at a moment. The meta APIs describe both through it.
 */
public interface UriEntry {

    long id();

    String uri();

    MatchPolicy match();

    Instant created();
}
