package io.wampspring.spring.invocation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.InvocationHandler;
import io.wampspring.router.client.LocalInvocation;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampPayloadConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a procedure from Java code (an annotated method, a lambda registered through the template): gives the body
 * the call's context, and turns what it returns into the answer. A value is the result; a {@code CompletionStage} is
 * awaited (and cancelled with the call); a {@code Flow.Publisher} or Reactor publisher streams progressive results,
 * its last item the final one. A {@link WampException} keeps its URI, args and kwargs; a canceled call that stopped
 * stays a cancellation; anything else is {@code wamp.error.runtime_error} without a stack trace.
 */
public final class ProcedureHandler implements InvocationHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProcedureHandler.class);

    /** What serves the procedure: returns the result, a stage or a publisher; may throw. */
    @FunctionalInterface
    public interface Body {
        @Nullable Object invoke(WampCallContext context) throws Throwable;
    }

    private final String procedure;
    private final Body body;
    private final ResultConverter results;
    private final WampPayloadConverter converter;
    private final String description;

    public ProcedureHandler(String procedure, Body body, WampPayloadConverter converter, String description) {
        this.procedure = procedure;
        this.body = body;
        this.results = new ResultConverter(converter);
        this.converter = converter;
        this.description = description;
    }

    @Override
    public CompletionStage<Payload> invoke(LocalInvocation invocation) {
        Payload payload = invocation.payload();
        LocalCallControl control = new LocalCallControl(invocation, results);
        String called = invocation.procedure();
        WampCallContext context = new WampCallContext(called != null ? called : procedure,
                invocation.registration(), invocation.details(),
                payload.args() != null ? payload.args() : List.of(),
                payload.kwargs() != null ? payload.kwargs() : Map.of(), procedure, control);
        Object returned;
        try {
            returned = body.invoke(context);
        }
        catch (Throwable ex) {
            return CompletableFuture.failedFuture(toWampException(ex, invocation));
        }
        CompletionStage<Payload> result;
        Flow.Publisher<?> items = ReactiveResults.asFlowPublisher(returned);
        if (returned instanceof CompletionStage<?> stage) {
            // a canceled call cancels the returned future: its work may stop
            control.onCancel(mode -> stage.toCompletableFuture().cancel(true));
            result = stage.thenApply(results::toPayload);
        }
        else if (items != null) {
            result = StreamedResult.of(items, control, results);
        }
        else {
            // a plain value, the common case: answered at once, without a stage to map failures
            try {
                return CompletableFuture.completedFuture(results.toPayload(returned));
            }
            catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(toWampException(ex, invocation));
            }
        }
        return result.handle((value, failure) -> {
            if (failure != null) {
                throw new CompletionException(toWampException(unwrap(failure), invocation));
            }
            return value;
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private RuntimeException toWampException(Throwable failure, LocalInvocation invocation) {
        if (failure instanceof WampException wampException) {
            return withModelValues(wampException);
        }
        if (invocation.isCanceled() && (failure instanceof InterruptedException
                || failure instanceof CancellationException)) {
            return new CancellationException("the call was canceled");
        }
        logger.warn("Procedure {} failed", description, failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new WampException(WampUris.RUNTIME_ERROR, message);
    }

    /**
     * The application's error with its args and kwargs converted as a result's are: left as they are, a value
     * outside the value model (an AtomicLong) could not be serialized, and a remote caller got a router message in
     * place of the args and kwargs.
     */
    private WampException withModelValues(WampException error) {
        try {
            @SuppressWarnings("unchecked")
            List<Object> args = (List<Object>) converter.toPayload(error.args());
            @SuppressWarnings("unchecked")
            Map<String, Object> kwargs = error.kwargs().isEmpty() ? null
                    : (Map<String, Object>) converter.toPayload(error.kwargs());
            return new WampException(error.uri(), args, kwargs);
        }
        catch (RuntimeException ex) {
            logger.warn("The arguments of error {} from {} cannot be converted", error.uri(), description, ex);
            return new WampException(error.uri(), "the error's arguments cannot be converted: " + ex.getMessage());
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
