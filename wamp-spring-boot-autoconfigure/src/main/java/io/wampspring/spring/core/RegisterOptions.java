package io.wampspring.spring.core;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.spring.annotation.Invoke;
import io.wampspring.spring.annotation.Match;

/**
 * Options of a registration made through {@link WampTemplate#register}: match policy, invocation policy (shared
 * registration) and caller disclosure, as REGISTER.Options.
 */
public record RegisterOptions(Match match, Invoke invoke, boolean discloseCaller) {

    public static final RegisterOptions DEFAULTS = new RegisterOptions(Match.EXACT, Invoke.SINGLE, false);

    public RegisterOptions withMatch(Match policy) {
        return new RegisterOptions(policy, invoke, discloseCaller);
    }

    public RegisterOptions withInvoke(Invoke policy) {
        return new RegisterOptions(match, policy, discloseCaller);
    }

    public RegisterOptions withDiscloseCaller() {
        return new RegisterOptions(match, invoke, true);
    }

    /** The REGISTER.Options: only what differs from the defaults. */
    public Map<String, Object> toMap() {
        Map<String, Object> options = new LinkedHashMap<>();
        if (match != Match.EXACT) {
            options.put("match", match.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (invoke != Invoke.SINGLE) {
            options.put("invoke", invoke.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (discloseCaller) {
            options.put("disclose_caller", true);
        }
        return options;
    }
}
