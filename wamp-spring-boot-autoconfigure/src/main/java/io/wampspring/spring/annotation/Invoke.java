package io.wampspring.spring.annotation;

/**
 * Which callee a call goes to when several registered the same procedure (WAMP shared registration); sent as the
 * {@code invoke} option in lower case.
 */
public enum Invoke {

    /** Only one callee may register the procedure; the default, sent as no option at all. */
    SINGLE,

    /** The callees in turn. */
    ROUNDROBIN,

    /** A callee chosen at random. */
    RANDOM,

    /** The callee that registered first. */
    FIRST,

    /** The callee that registered last. */
    LAST
}
