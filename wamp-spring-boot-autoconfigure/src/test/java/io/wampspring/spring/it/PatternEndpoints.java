package io.wampspring.spring.it;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampCallContext;
import org.springframework.stereotype.Component;

/**
 * Exact, prefix and wildcard registrations that overlap: {@code com.test.items.special.get} (exact),
 * {@code com.test.items.} and {@code com.test.items.vip.} (prefix), {@code com.test..get} (wildcard). Each answers
 * which of them served the call and what URI was called.
 */
@Component
public class PatternEndpoints {

    @WampProcedure("com.test.items.special.get")
    public Map<String, Object> exact(WampCallContext call) {
        return describe("exact", call, null);
    }

    @WampProcedure(value = "com.test.items.", match = Match.PREFIX)
    public Map<String, Object> prefix(WampCallContext call) {
        return describe("prefix", call, null);
    }

    @WampProcedure(value = "com.test.items.vip.", match = Match.PREFIX)
    public Map<String, Object> longerPrefix(WampCallContext call) {
        return describe("vip", call, null);
    }

    /** Arguments still bind by position next to the context. */
    @WampProcedure(value = "com.test..get", match = Match.WILDCARD)
    public Map<String, Object> wildcard(WampCallContext call, String argument) {
        return describe("wildcard", call, argument);
    }

    private static Map<String, Object> describe(String handler, WampCallContext call, String argument) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("handler", handler);
        description.put("procedure", call.procedure());
        description.put("registered", call.registeredProcedure());
        description.put("details_procedure", String.valueOf(call.details().get("procedure")));
        if (argument != null) {
            description.put("argument", argument);
        }
        return description;
    }
}
