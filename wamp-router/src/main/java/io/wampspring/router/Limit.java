package io.wampspring.router;

import java.util.Locale;

/**
 * A limit of {@link LimitsConfig} that a session ran into: its tag value (in metrics) is the name of the setting to
 * raise, in the dashed style of the Spring properties ({@code wamp.limits.<tag value>}).
 */
public enum Limit {

    /** HELLO to a realm that already has its most sessions: ABORT. */
    SESSIONS_PER_REALM,
    /** HELLO from an address that already has its most sessions, across every realm: ABORT. */
    SESSIONS_PER_ADDRESS,
    /** CALL while the session already awaits its most answers: ERROR on that call only. */
    OUTSTANDING_CALLS_PER_SESSION,
    /** A message beyond the session's rate and burst: ABORT. */
    MESSAGES_PER_SECOND;

    /** The setting's name in lower case with dashes, such as {@code sessions-per-realm}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
