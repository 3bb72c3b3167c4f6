package io.wampspring.spring.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.InvocationHandler;
import io.wampspring.router.client.WampException;
import io.wampspring.router.client.LocalInvocation;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.MethodArguments;
import io.wampspring.spring.binding.WampArgumentResolverComposite;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampPayloadConverter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes a {@code @WampProcedure} method for each INVOCATION: binds the payload, calls the bean (through its proxy,
 * so {@code @Transactional} and friends apply), and turns the outcome into a payload or a WAMP error.
 */
public final class ProcedureMethodHandler implements InvocationHandler {

    private static final Logger logger = LoggerFactory.getLogger(ProcedureMethodHandler.class);

    private final String procedure;
    private final Object bean;
    private final Method method;
    private final MethodArguments arguments;
    private final ResultConverter results;
    private final WampPayloadConverter converter;

    /** A handler whose parameters only the built-in resolvers fill. */
    public ProcedureMethodHandler(String procedure, Object bean, Method method, WampPayloadConverter converter) {
        this(procedure, bean, method, WampArgumentResolverComposite.forProcedures(List.of(), converter)
                .forMethod(method), converter);
    }

    /**
     * @param method the method to invoke on the bean (through its proxy, if any)
     * @param arguments the resolvers chosen for the method's parameters
     */
    public ProcedureMethodHandler(String procedure, Object bean, Method method, MethodArguments arguments,
            WampPayloadConverter converter) {
        this.procedure = procedure;
        this.bean = bean;
        this.method = method;
        this.results = new ResultConverter(converter);
        this.converter = converter;
        this.arguments = arguments;
        method.setAccessible(true);
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
        @Nullable Object[] values;
        try {
            values = arguments.resolve(context);
        }
        catch (Exception ex) {
            return CompletableFuture.failedFuture(toWampException(ex, invocation));
        }
        Object returned;
        try {
            returned = method.invoke(bean, values);
        }
        catch (InvocationTargetException ex) {
            return CompletableFuture.failedFuture(toWampException(ex.getTargetException(), invocation));
        }
        catch (IllegalAccessException | RuntimeException ex) {
            return CompletableFuture.failedFuture(toWampException(ex, invocation));
        }
        CompletionStage<Payload> result;
        Flow.Publisher<?> items = ReactiveResults.asFlowPublisher(returned);
        if (returned instanceof CompletionStage<?> stage) {
            // a canceled call cancels the method's future: its work may stop
            control.onCancel(mode -> stage.toCompletableFuture().cancel(true));
            result = stage.thenApply(results::toPayload);
        }
        else if (items != null) {
            result = StreamedResult.of(items, control, results);
        }
        else {
            try {
                result = CompletableFuture.completedFuture(results.toPayload(returned));
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

    /**
     * Application errors keep their URI, args and kwargs; a canceled call that stopped (interrupted, its future
     * canceled) stays a cancellation; anything else is a runtime_error without a stack trace.
     */
    private RuntimeException toWampException(Throwable failure, LocalInvocation invocation) {
        if (failure instanceof WampException wampException) {
            return withModelValues(wampException);
        }
        if (invocation.isCanceled() && (failure instanceof InterruptedException
                || failure instanceof CancellationException)) {
            return new CancellationException("the call was canceled");
        }
        logger.warn("@WampProcedure {} failed", procedure, failure);
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
            logger.warn("The arguments of error {} from @WampProcedure {} cannot be converted", error.uri(),
                    procedure, ex);
            return new WampException(error.uri(), "the error's arguments cannot be converted: " + ex.getMessage());
        }
    }

    @Override
    public String toString() {
        return procedure + " -> " + method.toGenericString();
    }
}
