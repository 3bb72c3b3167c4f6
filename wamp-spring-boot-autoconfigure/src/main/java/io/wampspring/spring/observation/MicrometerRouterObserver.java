package io.wampspring.spring.observation;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.wampspring.router.Limit;
import io.wampspring.router.RouterObserver;
import io.wampspring.router.message.MessageType;
import org.jspecify.annotations.Nullable;

/**
 * The router's {@link RouterObserver} as Micrometer meters: counters of messages, events, drops, slow consumers,
 * protocol violations, authentication failures and limits exceeded, and a timer of calls. Tags are few and bounded (realm, message
 * type, transport, serializer, outcome, error URI); no session or request id is ever a tag. Meters are looked up
 * once and kept, so the routing threads only increment them. The gauges (sessions, queued send-buffer bytes) are
 * {@link WampRouterMeters}'.
 */
public final class MicrometerRouterObserver implements RouterObserver {

    /** The tag value of a realm not yet known (a session before HELLO named an existing realm). */
    public static final String NO_REALM = "none";
    /** The tag value of an error where there is none (a successful call). */
    public static final String NO_ERROR = "none";

    private static final MessageType[] TYPES = MessageType.values();

    private final MeterRegistry registry;
    private final Map<String, Messages> messages = new ConcurrentHashMap<>();
    private final Map<CallKey, Timer> calls = new ConcurrentHashMap<>();
    private final Map<String, Events> events = new ConcurrentHashMap<>();

    public MicrometerRouterObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    private static String realm(@Nullable String realm) {
        return realm != null ? realm : NO_REALM;
    }

    @Override
    public MessageObserver messages(@Nullable String realm, String transport, String serializer) {
        String name = realm(realm);
        return messages.computeIfAbsent(name + '\u0000' + transport + '\u0000' + serializer,
                key -> new Messages(Tags.of("realm", name, "transport", transport, "serializer", serializer)));
    }

    @Override
    public void callEnded(String realm, CallOutcome outcome, @Nullable String error, long durationNanos) {
        calls.computeIfAbsent(new CallKey(realm, outcome, error), key -> Timer.builder("wamp.calls")
                .description("Calls routed by the dealer, from CALL to the caller's final RESULT or ERROR")
                .tags("realm", realm, "outcome", outcome.tagValue(), "error", error != null ? error : NO_ERROR)
                .register(registry))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void eventPublished(String realm) {
        events(realm).published.increment();
    }

    @Override
    public void eventsDelivered(String realm, int count) {
        events(realm).delivered.increment(count);
    }

    @Override
    public void eventDropped(@Nullable String realm, DropReason reason) {
        events(realm(realm)).dropped(reason).increment();
    }

    private Events events(String realm) {
        return events.computeIfAbsent(realm, Events::new);
    }

    @Override
    public void slowConsumer(@Nullable String realm, SlowConsumerAction action, String transport,
            String serializer) {
        Counter.builder("wamp.slow.consumer.actions")
                .description("Actions the slow-consumer policy took on sessions whose send buffer was full")
                .tags("realm", realm(realm), "action", action.tagValue(), "transport", transport,
                        "serializer", serializer)
                .register(registry).increment();
    }

    @Override
    public void protocolViolation(@Nullable String realm, String transport, String serializer) {
        Counter.builder("wamp.protocol.violations")
                .description("Sessions aborted for a protocol violation")
                .tags("realm", realm(realm), "transport", transport, "serializer", serializer)
                .register(registry).increment();
    }

    @Override
    public void authenticationFailed(String realm, @Nullable String authMethod, String error) {
        Counter.builder("wamp.authentication.failures")
                .description("Sessions that failed to authenticate to a realm")
                .tags("realm", realm, "authmethod", authMethod != null ? authMethod : "none", "error", error)
                .register(registry).increment();
    }

    @Override
    public void limitExceeded(@Nullable String realm, Limit limit) {
        Counter.builder("wamp.limits.exceeded")
                .description("Sessions refused (ABORT) or requests refused (ERROR) for a limit of wamp.limits")
                .tags("realm", realm(realm), "limit", limit.tagValue())
                .register(registry).increment();
    }

    private record CallKey(String realm, CallOutcome outcome, @Nullable String error) {
    }

    /** The message counters of one realm, transport and serializer, one per type and direction, made on first use. */
    private final class Messages implements MessageObserver {

        private final Tags tags;
        private final AtomicReferenceArray<Counter> received = new AtomicReferenceArray<>(TYPES.length);
        private final AtomicReferenceArray<Counter> sent = new AtomicReferenceArray<>(TYPES.length);

        Messages(Tags tags) {
            this.tags = tags;
        }

        @Override
        public void received(MessageType type) {
            counter(received, "wamp.messages.received", "Messages received from peers", type).increment();
        }

        @Override
        public void sent(MessageType type) {
            counter(sent, "wamp.messages.sent", "Messages handed to peers' connections", type).increment();
        }

        private Counter counter(AtomicReferenceArray<Counter> counters, String name, String description,
                MessageType type) {
            Counter counter = counters.get(type.ordinal());
            if (counter == null) {
                // registering twice yields the same counter: a race here costs a lookup, never a count
                counter = Counter.builder(name).description(description).baseUnit("messages")
                        .tags(tags).tag("type", type.name().toLowerCase(Locale.ROOT))
                        .register(registry);
                counters.set(type.ordinal(), counter);
            }
            return counter;
        }
    }

    /** The event counters of one realm. */
    private final class Events {

        private final String realm;
        private final Counter published;
        private final Counter delivered;
        private final AtomicReferenceArray<Counter> dropped = new AtomicReferenceArray<>(DropReason.values().length);

        Events(String realm) {
            this.realm = realm;
            this.published = Counter.builder("wamp.events.published").baseUnit("events")
                    .description("Publications the broker accepted").tag("realm", realm).register(registry);
            this.delivered = Counter.builder("wamp.events.delivered").baseUnit("events")
                    .description("EVENTs the broker handed to subscribers").tag("realm", realm).register(registry);
        }

        Counter dropped(DropReason reason) {
            Counter counter = dropped.get(reason.ordinal());
            if (counter == null) {
                counter = Counter.builder("wamp.events.dropped").baseUnit("events")
                        .description("EVENTs lost after the broker routed them: a full send buffer under the "
                                + "drop-events policy, or an in-process handler too far behind")
                        .tags("realm", realm, "reason", reason.tagValue()).register(registry);
                dropped.set(reason.ordinal(), counter);
            }
            return counter;
        }
    }

    @Override
    public String toString() {
        return "MicrometerRouterObserver[" + registry + "]";
    }

}
