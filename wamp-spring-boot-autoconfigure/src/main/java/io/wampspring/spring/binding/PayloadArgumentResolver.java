package io.wampspring.spring.binding;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import tools.jackson.databind.JavaType;

/**
 * Binds the payload's values to the parameters no other resolver claimed, following rules a user can guess:
 * positional {@code args} fill them in order; one with no positional argument takes the {@code kwargs} entry of its
 * name; a single object parameter (a record, bean or map) of a call with {@code kwargs} only receives them as a
 * whole. Unlike the other resolvers it is made per method, once the others have chosen, because positions count
 * value parameters only. Thread-safe.
 */
final class PayloadArgumentResolver implements WampArgumentResolver {

    private final Method method;
    private final WampPayloadConverter converter;
    /** By parameter index; null where another resolver fills the parameter. */
    private final @Nullable ValueSlot[] slots;
    private final int valueParameters;
    /** A method whose only parameters are non-value ones (such as the context) takes any payload. */
    private final boolean takesAnyPayload;

    PayloadArgumentResolver(Method method, List<MethodParameter> valueParameters, WampPayloadConverter converter) {
        this.method = method;
        this.converter = converter;
        this.slots = new ValueSlot[method.getParameterCount()];
        int position = 0;
        for (MethodParameter parameter : valueParameters) {
            slots[parameter.getParameterIndex()] = slot(parameter, position++);
        }
        this.valueParameters = valueParameters.size();
        this.takesAnyPayload = valueParameters.isEmpty() && method.getParameterCount() > 0;
        if (!valueParameters.isEmpty() && !valueParameters.get(0).getParameter().isNamePresent()) {
            LoggerFactory.getLogger(PayloadArgumentResolver.class)
                    .warn("{} was compiled without -parameters: keyword arguments cannot bind by name", method);
        }
    }

    /** Whether a parameter can be a payload value at all: types the router's contexts own never are. */
    static boolean canBind(MethodParameter parameter) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        return !WampInvocationContext.class.isAssignableFrom(type) && type != WampCaller.class;
    }

    private ValueSlot slot(MethodParameter parameter, int position) {
        Class<?> type = parameter.getParameterType();
        boolean optional = type == Optional.class;
        JavaType javaType = converter.javaType(optional ? parameter.nested().getNestedGenericParameterType()
                : parameter.getGenericParameterType());
        return new ValueSlot(position, parameter.getParameter().getName(), javaType, optional, type.isPrimitive(),
                isObjectLike(type));
    }

    private static boolean isObjectLike(Class<?> type) {
        return !BeanUtils.isSimpleValueType(type) && !type.isArray() && !Collection.class.isAssignableFrom(type)
                && type != Optional.class && type != Object.class;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getMethod() != null && parameter.getMethod().equals(method)
                && slots[parameter.getParameterIndex()] != null;
    }

    /** Fails with invalid_argument when the call has more positional arguments than the method takes values. */
    void checkPositionalCount(WampInvocationContext context) {
        int given = context.args().size();
        if (given > valueParameters && !takesAnyPayload) {
            throw invalid("expected at most " + valueParameters + " positional arguments, got " + given);
        }
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, WampInvocationContext context) {
        ValueSlot slot = slots[parameter.getParameterIndex()];
        if (slot == null) {
            throw new IllegalArgumentException("Not a value parameter: " + parameter);
        }
        List<Object> positional = context.args();
        Map<String, Object> named = context.kwargs();
        Object raw;
        String what;
        if (slot.position < positional.size()) {
            raw = positional.get(slot.position);
            what = "argument " + slot.position + " ('" + slot.name + "')";
        }
        else if (named.containsKey(slot.name)) {
            raw = named.get(slot.name);
            what = "keyword argument '" + slot.name + "'";
        }
        else if (valueParameters == 1 && slot.objectLike && positional.isEmpty() && !named.isEmpty()) {
            raw = named;
            what = "keyword arguments";
        }
        else {
            raw = null;
            what = "argument '" + slot.name + "'";
        }
        Object value = converter.fromPayload(raw, slot.type, what);
        if (slot.optional) {
            return Optional.ofNullable(value);
        }
        if (value == null && slot.primitive) {
            throw invalid("missing " + what + " of " + method.getName());
        }
        return value;
    }

    private static WampException invalid(String message) {
        return new WampException(WampUris.INVALID_ARGUMENT, message);
    }

    /** How one value parameter is filled: its position counts value parameters only. */
    private record ValueSlot(int position, String name, JavaType type, boolean optional, boolean primitive,
            boolean objectLike) {
    }
}
