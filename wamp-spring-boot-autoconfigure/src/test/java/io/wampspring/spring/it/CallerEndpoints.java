package io.wampspring.spring.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampCaller;
import org.springframework.stereotype.Component;

/**
 * Procedures that answer who called them: {@code [session, authid, authrole]}, or {@code "none"} when the caller
 * was not disclosed, as seen through a {@link WampCaller} parameter, an {@code Optional<WampCaller>} and the
 * context.
 */
@Component
public class CallerEndpoints {

    @WampProcedure(value = "com.test.caller.disclosed", discloseCaller = true)
    public Map<String, Object> disclosed(WampCaller caller, Optional<WampCaller> optional, WampCallContext call) {
        return describe(caller, optional, call);
    }

    @WampProcedure("com.test.caller.on_request")
    public Map<String, Object> onRequest(WampCaller caller, Optional<WampCaller> optional, WampCallContext call) {
        return describe(caller, optional, call);
    }

    private static Map<String, Object> describe(WampCaller caller, Optional<WampCaller> optional,
            WampCallContext call) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("parameter", describe(caller));
        description.put("optional", optional.map(CallerEndpoints::describe).orElse("none"));
        description.put("context", describe(call.caller()));
        return description;
    }

    private static Object describe(WampCaller caller) {
        return caller == null ? "none" : List.of(caller.sessionId(), String.valueOf(caller.authid()),
                String.valueOf(caller.authrole()));
    }
}
