package io.wampspring.router.match;

import java.util.Objects;

/** The identity of an entry in a {@link UriTable}: the same URI under two policies is two entries. */
public record MatchKey(MatchPolicy policy, String uri) {

    public MatchKey {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(uri, "uri");
    }
}
