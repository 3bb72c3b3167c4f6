package io.wampspring.router.match;

import org.jspecify.annotations.Nullable;

/** How a registered or subscribed URI is compared with the URI of a CALL or PUBLISH (the {@code match} option). */
public enum MatchPolicy {

    /** The URIs are equal. */
    EXACT("exact"),

    /** The entry's URI is a string prefix of the actual URI (not only at a component boundary). */
    PREFIX("prefix"),

    /** Same number of dot-separated components; an empty component of the pattern matches any one component. */
    WILDCARD("wildcard");

    private final String wireName;

    MatchPolicy(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code match} option on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The policy for a {@code match} option value, or {@code null} if the router does not know it. */
    public static @Nullable MatchPolicy fromWire(String wireName) {
        return switch (wireName) {
            case "exact" -> EXACT;
            case "prefix" -> PREFIX;
            case "wildcard" -> WILDCARD;
            default -> null;
        };
    }
}
