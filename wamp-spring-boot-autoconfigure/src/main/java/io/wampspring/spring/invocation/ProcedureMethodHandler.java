package io.wampspring.spring.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.InvocationHandler;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.MethodArguments;
import io.wampspring.spring.binding.WampArgumentResolverComposite;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampPayloadConverter;
import io.wampspring.spring.core.WampResult;
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
        this.converter = converter;
        this.arguments = arguments;
        method.setAccessible(true);
    }

    @Override
    public CompletionStage<Payload> invoke(Invocation invocation) {
        Payload payload = invocation.payload();
        WampCallContext context = new WampCallContext(procedure, invocation.registration(), invocation.details(),
                payload.args() != null ? payload.args() : List.of(),
                payload.kwargs() != null ? payload.kwargs() : Map.of());
        @Nullable Object[] values;
        try {
            values = arguments.resolve(context);
        }
        catch (Exception ex) {
            return CompletableFuture.failedFuture(toWampException(ex));
        }
        Object returned;
        try {
            returned = method.invoke(bean, values);
        }
        catch (InvocationTargetException ex) {
            return CompletableFuture.failedFuture(toWampException(ex.getTargetException()));
        }
        catch (WampException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        catch (IllegalAccessException | RuntimeException ex) {
            return CompletableFuture.failedFuture(toWampException(ex));
        }
        if (returned instanceof CompletionStage<?> stage) {
            return stage.handle((value, failure) -> {
                if (failure != null) {
                    throw new CompletionException(toWampException(unwrap(failure)));
                }
                return toPayload(value);
            });
        }
        try {
            return CompletableFuture.completedFuture(toPayload(returned));
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(toWampException(ex));
        }
    }

    private Payload toPayload(@Nullable Object value) {
        if (value == null) {
            return Payload.EMPTY;
        }
        if (value instanceof WampResult result) {
            List<Object> args = new ArrayList<>(result.args().size());
            result.args().forEach(arg -> args.add(converter.toPayload(arg)));
            Map<String, Object> kwargs = new LinkedHashMap<>();
            result.kwargs().forEach((key, arg) -> kwargs.put(key, converter.toPayload(arg)));
            return Payload.of(args, kwargs.isEmpty() ? null : kwargs);
        }
        List<Object> args = new ArrayList<>(1);
        args.add(converter.toPayload(value));
        return Payload.of(args, null);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Application errors keep their URI, args and kwargs; anything else is a runtime_error without a stack trace. */
    private WampException toWampException(Throwable failure) {
        if (failure instanceof WampException wampException) {
            return wampException;
        }
        logger.warn("@WampProcedure {} failed", procedure, failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new WampException(WampUris.RUNTIME_ERROR, message);
    }

    @Override
    public String toString() {
        return procedure + " -> " + method.toGenericString();
    }
}
