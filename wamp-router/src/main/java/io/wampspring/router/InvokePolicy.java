package io.wampspring.router;

import org.jspecify.annotations.Nullable;

/** How the dealer picks one callee of a shared registration (the {@code invoke} option of REGISTER). */
public enum InvokePolicy {

    /** One callee only: a second REGISTER of the URI is refused. */
    SINGLE("single"),
    /** Each call to the next callee, in registration order, looping. */
    ROUNDROBIN("roundrobin"),
    /** Each call to a callee picked at random. */
    RANDOM("random"),
    /** The callee that registered first (hot stand-by). */
    FIRST("first"),
    /** The callee that registered last. */
    LAST("last");

    private final String wireName;

    InvokePolicy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static @Nullable InvokePolicy fromWire(String wireName) {
        for (InvokePolicy policy : values()) {
            if (policy.wireName.equals(wireName)) {
                return policy;
            }
        }
        return null;
    }
}
