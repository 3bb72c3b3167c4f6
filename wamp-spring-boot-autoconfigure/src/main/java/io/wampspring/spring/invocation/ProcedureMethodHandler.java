package io.wampspring.spring.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.client.InvocationHandler;
import io.wampspring.router.client.LocalInvocation;
import io.wampspring.router.message.Payload;
import io.wampspring.spring.binding.MethodArguments;
import io.wampspring.spring.binding.WampArgumentResolverComposite;
import io.wampspring.spring.binding.WampPayloadConverter;

/**
 * Invokes a {@code @WampProcedure} method for each INVOCATION: resolves its parameters, calls the bean (through its
 * proxy, so {@code @Transactional} and friends apply), and answers as {@link ProcedureHandler} does.
 */
public final class ProcedureMethodHandler implements InvocationHandler {

    private final ProcedureHandler handler;

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
        method.setAccessible(true);
        this.handler = new ProcedureHandler(procedure, context -> {
            try {
                return method.invoke(bean, arguments.resolve(context));
            }
            catch (InvocationTargetException ex) {
                throw ex.getTargetException();
            }
        }, converter, procedure + " -> " + method.toGenericString());
    }

    @Override
    public CompletionStage<Payload> invoke(LocalInvocation invocation) {
        return handler.invoke(invocation);
    }

    @Override
    public String toString() {
        return handler.toString();
    }
}
