package io.wampspring.router;

/**
 * Whether a realm tells receivers who sent to them: callees who calls them (caller identification), subscribers who
 * published (publisher identification).
 */
public enum Disclosure {

    /** When the sender asks ({@code disclose_me}) or, for calls, the registration does ({@code disclose_caller}). */
    ON_REQUEST,
    /** Always, whatever the sender and receiver ask. */
    ALWAYS,
    /** Never: asking for it is refused. */
    NEVER
}
