package io.wampspring.spring.observation;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.wampspring.router.WampUris;
import io.wampspring.router.client.InvocationHandler;
import io.wampspring.router.client.LocalInvocation;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.invocation.TopicHandler;
import io.wampspring.spring.invocation.WampEndpointDecorator;
import org.jspecify.annotations.Nullable;

/**
 * Observes {@code @WampProcedure} invocations and {@code @WampTopic} event handling through the application's
 * {@link ObservationRegistry}: each is an observation (a timer, a span when a tracer is configured) opened around the
 * method, so what it does inside (a call, a publication, a query) belongs to it. With a no-op registry the handlers
 * are left as they are.
 */
public final class WampObservations implements WampEndpointDecorator {

    /** Observes nothing. */
    public static final WampObservations NOOP = new WampObservations(ObservationRegistry.NOOP, null, null);

    private static final DefaultWampProcedureObservationConvention DEFAULT_PROCEDURES =
            new DefaultWampProcedureObservationConvention();
    private static final DefaultWampTopicObservationConvention DEFAULT_TOPICS =
            new DefaultWampTopicObservationConvention();

    private final ObservationRegistry registry;
    private final @Nullable WampProcedureObservationConvention procedures;
    private final @Nullable WampTopicObservationConvention topics;

    /**
     * @param procedures the convention for procedures, null for the default one
     * @param topics the convention for topics, null for the default one
     */
    public WampObservations(ObservationRegistry registry, @Nullable WampProcedureObservationConvention procedures,
            @Nullable WampTopicObservationConvention topics) {
        this.registry = registry;
        this.procedures = procedures;
        this.topics = topics;
    }

    /** The handler of a registered procedure, observed; itself when nothing observes. */
    @Override
    public InvocationHandler procedure(String realm, String procedure, InvocationHandler handler) {
        if (registry.isNoop()) {
            return handler;
        }
        return new InvocationHandler() {
            @Override
            public CompletionStage<Payload> invoke(LocalInvocation invocation) throws Exception {
                return observe(realm, procedure, handler, invocation);
            }

            @Override
            public String toString() {
                return handler.toString();
            }
        };
    }

    private CompletionStage<Payload> observe(String realm, String procedure, InvocationHandler handler,
            LocalInvocation invocation) throws Exception {
        WampProcedureObservationContext context = new WampProcedureObservationContext(realm, procedure);
        Observation observation = Observation.createNotStarted(procedures, DEFAULT_PROCEDURES, () -> context,
                registry).start();
        CompletionStage<Payload> result;
        try (Observation.Scope scope = observation.openScope()) {
            result = handler.invoke(invocation);
        }
        catch (Exception | Error ex) {
            failed(context, observation, ex);
            observation.stop();
            throw ex;
        }
        return result.whenComplete((value, failure) -> {
            if (failure != null) {
                failed(context, observation, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            observation.stop();
        });
    }

    private static void failed(WampProcedureObservationContext context, Observation observation, Throwable failure) {
        if (failure instanceof CancellationException) {
            context.setOutcome("canceled");
            context.setErrorUri(WampUris.CANCELED);
            return;
        }
        context.setOutcome("error");
        context.setErrorUri(failure instanceof WampException wamp ? wamp.uri()
                : WampUris.RUNTIME_ERROR);
        observation.error(failure);
    }

    /** The body of a subscribed topic's handler, observed; itself when nothing observes. */
    @Override
    public TopicHandler.Body topic(String realm, String topic, TopicHandler.Body body) {
        if (registry.isNoop()) {
            return body;
        }
        return event -> {
            WampTopicObservationContext context = new WampTopicObservationContext(realm, topic);
            Observation observation = Observation.createNotStarted(topics, DEFAULT_TOPICS, () -> context, registry)
                    .start();
            try (Observation.Scope scope = observation.openScope()) {
                body.onEvent(event);
            }
            catch (Throwable ex) {
                context.setOutcome("error");
                context.setException(ex.getClass().getSimpleName());
                observation.error(ex);
                throw ex;
            }
            finally {
                observation.stop();
            }
        };
    }
}
