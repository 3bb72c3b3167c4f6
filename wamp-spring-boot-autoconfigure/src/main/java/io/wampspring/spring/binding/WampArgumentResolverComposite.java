package io.wampspring.spring.binding;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;

/**
 * The resolvers of one kind of annotated method, in the order they are asked: the application's, then the built-in
 * ones for the context (and, for procedures, the caller), then the payload's values, which take every parameter
 * left. Chooses per parameter once, when a method is registered or subscribed ({@link #forMethod}).
 */
public final class WampArgumentResolverComposite {

    private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

    private final List<WampArgumentResolver> resolvers;
    private final WampPayloadConverter converter;

    private WampArgumentResolverComposite(List<WampArgumentResolver> resolvers, WampPayloadConverter converter) {
        this.resolvers = List.copyOf(resolvers);
        this.converter = converter;
    }

    /** For {@code @WampProcedure} methods: the application's resolvers, then context, caller, principal and payload. */
    public static WampArgumentResolverComposite forProcedures(List<? extends WampArgumentResolver> custom,
            WampPayloadConverter converter) {
        List<WampArgumentResolver> resolvers = new ArrayList<>(custom);
        resolvers.add(new ContextArgumentResolver(WampCallContext.class));
        resolvers.add(new CallerArgumentResolver());
        resolvers.add(new PrincipalArgumentResolver());
        resolvers.add(new ProgressArgumentResolver());
        return new WampArgumentResolverComposite(resolvers, converter);
    }

    /** For {@code @WampTopic} methods: the application's resolvers, then context, publisher principal and payload. */
    public static WampArgumentResolverComposite forTopics(List<? extends WampArgumentResolver> custom,
            WampPayloadConverter converter) {
        List<WampArgumentResolver> resolvers = new ArrayList<>(custom);
        resolvers.add(new ContextArgumentResolver(WampEventContext.class));
        resolvers.add(new PrincipalArgumentResolver());
        return new WampArgumentResolverComposite(resolvers, converter);
    }

    /**
     * Chooses a resolver for each parameter of the method: the first that supports it, else the payload's.
     *
     * @throws IllegalStateException for a parameter nothing can fill, such as a {@link WampCaller} of an event
     */
    public MethodArguments forMethod(Method method) {
        int count = method.getParameterCount();
        MethodParameter[] parameters = new MethodParameter[count];
        WampArgumentResolver[] chosen = new WampArgumentResolver[count];
        List<MethodParameter> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            parameter.initParameterNameDiscovery(parameterNames);
            parameters[i] = parameter;
            chosen[i] = firstSupporting(parameter);
            if (chosen[i] == null) {
                if (!PayloadArgumentResolver.canBind(parameter)) {
                    throw new IllegalStateException("No WampArgumentResolver supports parameter " + i + " ("
                            + parameter.getGenericParameterType().getTypeName() + ") of "
                            + method.toGenericString());
                }
                values.add(parameter);
            }
        }
        PayloadArgumentResolver payload = new PayloadArgumentResolver(method, values, converter);
        for (MethodParameter value : values) {
            chosen[value.getParameterIndex()] = payload;
        }
        return new MethodArguments(method, parameters, chosen, payload);
    }

    private @Nullable WampArgumentResolver firstSupporting(MethodParameter parameter) {
        for (WampArgumentResolver resolver : resolvers) {
            if (resolver.supportsParameter(parameter)) {
                return resolver;
            }
        }
        return null;
    }
}
