package io.wampspring.router;

/** Whether a realm's callees learn who calls them (caller identification). */
public enum CallerDisclosure {

    /** When the caller asks ({@code disclose_me}) or the registration does ({@code disclose_caller}). */
    ON_REQUEST,
    /** Always, whatever caller and callee ask. */
    ALWAYS,
    /** Never: asking for it is refused with {@code wamp.error.option_not_allowed}. */
    NEVER
}
