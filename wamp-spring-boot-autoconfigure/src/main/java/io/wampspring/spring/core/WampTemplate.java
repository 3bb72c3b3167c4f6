package io.wampspring.spring.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampEventContext;
import io.wampspring.spring.binding.WampPayloadConverter;
import io.wampspring.spring.invocation.ProcedureHandler;
import io.wampspring.spring.invocation.TopicHandler;
import io.wampspring.spring.core.WampLocalSessions.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JavaType;

/**
 * Publishes, subscribes, calls and registers from Java code, as any WAMP client would: through the router's Dealer
 * and Broker, so calls reach remote callees and annotated ones alike, and events reach every subscriber. Arguments
 * are converted with the application's Jackson mapper. Every operation is asynchronous; failed calls complete with
 * {@link io.wampspring.router.client.WampException} carrying the error URI, args and kwargs.
 */
public class WampTemplate {

    private final WampLocalSessions sessions;
    private final WampPayloadConverter converter;
    private final String realm;

    public WampTemplate(WampLocalSessions sessions, WampPayloadConverter converter, String realm) {
        this.sessions = sessions;
        this.converter = converter;
        this.realm = realm;
    }

    /** A template for another realm of this router. */
    public WampTemplate forRealm(String otherRealm) {
        return new WampTemplate(sessions, converter, otherRealm);
    }

    public String realm() {
        return realm;
    }

    /** The template's own session id in this realm (events it publishes are not sent back to it by default). */
    public long sessionId() {
        return session().sessionId();
    }

    /** Publishes an event with positional arguments; completes once the broker has routed it. */
    public CompletableFuture<Void> publish(String topic, @Nullable Object... args) {
        return publish(topic, Arrays.asList(args), null, PublishOptions.DEFAULTS).thenApply(id -> null);
    }

    /**
     * Publishes an event. With {@link PublishOptions#acknowledge()} the future completes with the publication id,
     * or fails with the broker's error (an invalid URI, not authorized); otherwise with null once routed.
     */
    public CompletableFuture<@Nullable Long> publish(String topic, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs, PublishOptions options) {
        return withSession(session -> session.publish(topic, options.toMap(), payload(args, kwargs)));
    }

    /** Calls a procedure and converts the result's first argument to {@code resultType}. */
    public <T> CompletableFuture<T> call(String procedure, Class<T> resultType, @Nullable Object... args) {
        return call(procedure, converter.javaType(resultType), Arrays.asList(args));
    }

    /** Calls a procedure and converts the result's first argument to a generic type, such as a list of records. */
    public <T> CompletableFuture<T> call(String procedure, ParameterizedTypeReference<T> resultType,
            @Nullable Object... args) {
        return call(procedure, converter.javaType(resultType.getType()), Arrays.asList(args));
    }

    /**
     * Calls a procedure with args, kwargs and options, and returns both parts of the result. Cancelling the returned
     * future cancels the call with the options' {@link CancelMode}.
     */
    public CompletableFuture<WampResult> call(String procedure, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs, CallOptions options) {
        return call(procedure, args, kwargs, options, null);
    }

    /**
     * Calls a procedure and receives its progressive results: each reaches {@code onProgress}, in order, before the
     * returned future completes with the final result. Cancelling the future cancels the call.
     */
    public CompletableFuture<WampResult> call(String procedure, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs, CallOptions options, @Nullable Consumer<WampResult> onProgress) {
        Consumer<Result> progress = onProgress == null ? null : result -> onProgress.accept(toResult(result));
        return cancelling(withSession(session -> session.call(procedure, options.options(), payload(args, kwargs),
                progress, options.cancelMode().wireName())), WampTemplate::toResult);
    }

    /**
     * Registers a procedure served by {@code body}, as a {@code @WampProcedure} method would be: the body gets the
     * call's context ({@link WampCallContext#args()}, {@code kwargs()}, caller, progress, cancellation) and returns
     * the result, a {@code CompletionStage} or a publisher of progressive results; it runs on the application's task
     * executor. Completes with the registration, which can be unregistered.
     */
    public CompletableFuture<WampRegistration> register(String procedure, RegisterOptions options,
            ProcedureHandler.Body body) {
        ProcedureHandler handler = new ProcedureHandler(procedure, body, converter, procedure + " (template)");
        return withSession(session -> session.register(procedure, options.toMap(), handler)
                .thenApply(id -> new WampRegistration(session, id)));
    }

    /**
     * Subscribes {@code body} to a topic, as a {@code @WampTopic} method would be: it gets each event's context
     * ({@link WampEventContext#args()}, {@code kwargs()}, the topic, the publisher if disclosed, whether the event
     * is a retained one), one event at a time and in publish order, on the application's task executor. An exception
     * is logged and counted, and affects nobody else; a body that falls more than {@code wamp.local.event-backlog}
     * events behind loses events (counted). Completes with the subscription, which can be unsubscribed.
     */
    public CompletableFuture<WampSubscription> subscribe(String topic, SubscribeOptions options,
            TopicHandler.Body body) {
        Map<String, Object> subscribeOptions = options.toMap();
        TopicHandler handler = new TopicHandler(topic, body, "Subscription to " + topic + " (template)");
        return withSession(session -> session.subscribe(topic, subscribeOptions, handler)
                .thenApply(subscription -> new WampSubscription(topic, subscription, handler)));
    }

    /**
     * Subscribes a handler of each event's value as {@code type}: its first positional argument, or its keyword
     * arguments when it has only those (as a single object parameter of a {@code @WampTopic} method binds). An event
     * whose value does not fit counts as a failure of the subscription.
     */
    public <T> CompletableFuture<WampSubscription> subscribe(String topic, SubscribeOptions options, Class<T> type,
            BiConsumer<? super @Nullable T, WampEventContext> handler) {
        JavaType javaType = converter.javaType(type);
        return subscribe(topic, options, event -> {
            @SuppressWarnings("unchecked")
            T value = (T) converter.fromPayload(firstValue(event.args(), event.kwargs()), javaType,
                    "the event of " + event.topic());
            handler.accept(value, event);
        });
    }

    /** The mapped future, whose cancellation also cancels {@code call} (and so sends CANCEL). */
    private static <T> CompletableFuture<T> cancelling(CompletableFuture<Result> call,
            Function<Result, T> mapping) {
        CompletableFuture<T> mapped = call.thenApply(mapping);
        mapped.whenComplete((value, failure) -> {
            if (failure instanceof java.util.concurrent.CancellationException) {
                call.cancel(false);
            }
        });
        return mapped;
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> call(String procedure, JavaType resultType, List<?> args) {
        return cancelling(withSession(session -> session.call(procedure, Map.of(), payload(args, null))), result -> {
            if (resultType.getRawClass() == WampResult.class) {
                return (T) toResult(result);
            }
            if (resultType.getRawClass() == Void.class) {
                return null;
            }
            return (T) converter.fromPayload(firstValue(result), resultType, "the result of " + procedure);
        });
    }

    /** The first positional argument, or the keyword arguments when a callee answered with those alone. */
    private static @Nullable Object firstValue(Result result) {
        return firstValue(result.payload().args(), result.payload().kwargs());
    }

    private static @Nullable Object firstValue(@Nullable List<Object> args, @Nullable Map<String, Object> kwargs) {
        if (args != null && !args.isEmpty()) {
            return args.get(0);
        }
        return kwargs != null && !kwargs.isEmpty() ? kwargs : null;
    }

    private static WampResult toResult(Result result) {
        return new WampResult(result.payload().args(), result.payload().kwargs());
    }

    private Payload payload(@Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        List<Object> plainArgs = null;
        if (args != null && (!args.isEmpty() || kwargs != null)) {
            plainArgs = new ArrayList<>(args.size());
            for (Object arg : args) {
                plainArgs.add(converter.toPayload(arg));
            }
        }
        Map<String, Object> plainKwargs = null;
        if (kwargs != null && !kwargs.isEmpty()) {
            plainKwargs = new LinkedHashMap<>();
            for (Map.Entry<String, ?> entry : kwargs.entrySet()) {
                plainKwargs.put(entry.getKey(), converter.toPayload(entry.getValue()));
            }
        }
        return Payload.of(plainArgs, plainKwargs);
    }

    /** Runs an operation on the template's session; once the router has shut down, the future fails instead. */
    private <T> CompletableFuture<T> withSession(Function<LocalSession, CompletableFuture<T>> operation) {
        LocalSession session;
        try {
            session = session();
        }
        catch (IllegalStateException ex) {
            return CompletableFuture.failedFuture(
                    new WampException(WampUris.CLOSE_SYSTEM_SHUTDOWN, "the WAMP router is shut down"));
        }
        return operation.apply(session);
    }

    private LocalSession session() {
        return sessions.session(realm, Purpose.TEMPLATE);
    }
}
