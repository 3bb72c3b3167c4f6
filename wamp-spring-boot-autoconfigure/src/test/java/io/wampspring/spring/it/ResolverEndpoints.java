package io.wampspring.spring.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampCaller;
import io.wampspring.spring.it.ResolverConfiguration.Greeting;
import io.wampspring.spring.it.ResolverConfiguration.InvocationSummary;
import io.wampspring.spring.it.ResolverConfiguration.Refused;
import io.wampspring.spring.it.ResolverConfiguration.RequestTime;

/** Endpoints with parameters that the application's resolvers and the caller resolver fill. */
public class ResolverEndpoints {

    /** What {@code test.resolver.topic} received, by value. */
    final Map<String, InvocationSummary> events = new ConcurrentHashMap<>();

    @WampProcedure("test.resolver.stamp")
    public Map<String, Object> stamp(RequestTime time, String text, InvocationSummary summary) {
        Map<String, Object> stamped = new LinkedHashMap<>();
        stamped.put("text", text);
        stamped.put("at", time.at().toString());
        stamped.put("kind", summary.kind());
        stamped.put("positional", summary.positional());
        return stamped;
    }

    @WampProcedure("test.resolver.greeting")
    public String greeting(Greeting greeting) {
        return greeting.text();
    }

    @WampProcedure("test.resolver.refused")
    public String refused(Refused refused) {
        return "should not run";
    }

    @WampProcedure("test.resolver.caller")
    public String caller(Optional<WampCaller> caller, String text) {
        return caller.map(who -> "session " + who.sessionId()).orElse("undisclosed") + ": " + text;
    }

    @WampTopic("test.resolver.topic")
    public void onEvent(String value, InvocationSummary summary) {
        events.put(value, summary);
    }
}
