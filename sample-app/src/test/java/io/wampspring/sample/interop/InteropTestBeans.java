package io.wampspring.sample.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.WampResult;
import io.wampspring.spring.core.WampTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Annotated endpoints that exist only for the interop tests, next to the sample's own (add2, order.create, ...),
 * with those of the advanced RPC and PubSub tests, so that every interop test class shares one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({AdvancedRpcTestBeans.class, AdvancedPubSubTestBeans.class})
class InteropTestBeans {

    /** The topic {@link InteropEndpoints#onEvent} listens to. */
    static final String EVENT_TOPIC = "test.interop.event";

    @Bean
    InteropEndpoints interopEndpoints(WampTemplate wamp) {
        return new InteropEndpoints(wamp);
    }

    static class InteropEndpoints {

        private final WampTemplate wamp;
        private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

        InteropEndpoints(WampTemplate wamp) {
            this.wamp = wamp;
        }

        /** Answers with the args and kwargs exactly as received: the context alone holds the raw payload. */
        @WampProcedure("test.echo")
        public WampResult echo(WampCallContext call) {
            return new WampResult(call.args(), call.kwargs());
        }

        /** Binds a binary argument to byte[]: answers [reversed bytes] and {length, sha256}. */
        @WampProcedure("test.bytes.inspect")
        public WampResult inspectBytes(byte[] data) {
            return WampResult.of(List.of(Values.reversed(data)),
                    Map.of("length", data.length, "sha256", Values.sha256(data)));
        }

        /**
         * Calls {@code procedure} through WampTemplate (so through the dealer, to whoever registered it: a remote
         * client or a bean) and answers with its result; an application error comes back unchanged.
         */
        @WampProcedure("test.remote.call")
        public CompletableFuture<WampResult> callRemote(String procedure, @Nullable List<Object> args,
                @Nullable Map<String, Object> kwargs) {
            return wamp.call(procedure, args, kwargs, CallOptions.DEFAULTS);
        }

        /** Records every event on {@link #EVENT_TOPIC}, raw. */
        @WampTopic(EVENT_TOPIC)
        public void onEvent(WampEventContext event) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("args", new ArrayList<>(event.args()));
            record.put("kwargs", new LinkedHashMap<>(event.kwargs()));
            record.put("publication", event.publicationId());
            events.add(record);
        }

        /** The events {@link #onEvent} received whose kwargs.token is {@code token}, in arrival order. */
        @WampProcedure("test.events.received")
        public List<Map<String, Object>> received(String token) {
            return events.stream().filter(event -> token.equals(((Map<?, ?>) event.get("kwargs")).get("token")))
                    .toList();
        }
    }
}
