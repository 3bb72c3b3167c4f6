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
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JavaType;

/**
 * Binds a WAMP payload to the parameters of one method, following rules a user can guess: context parameters are
 * injected; positional {@code args} fill the other parameters in order; a parameter with no positional argument
 * takes the {@code kwargs} entry of its name; a method with a single object parameter (a record, bean or map)
 * called with {@code kwargs} only receives them as a whole. Built once per method; thread-safe.
 */
public final class MethodArgumentBinder {

    private final Method method;
    private final WampPayloadConverter converter;
    private final ParameterSlot[] slots;
    private final int valueParameters;
    /** A method whose only parameters are context ones reads the raw payload there: any arguments are fine. */
    private final boolean takesRawPayload;

    public MethodArgumentBinder(Method method, WampPayloadConverter converter, Class<?> contextType) {
        this.method = method;
        this.converter = converter;
        Parameter[] parameters = method.getParameters();
        this.slots = new ParameterSlot[parameters.length];
        int values = 0;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            if (type != Object.class && type.isAssignableFrom(contextType)) {
                slots[i] = ParameterSlot.CONTEXT;
                continue;
            }
            boolean optional = type == Optional.class;
            JavaType javaType = converter.javaType(optional
                    ? new MethodParameter(method, i).nested().getNestedGenericParameterType()
                    : parameters[i].getParameterizedType());
            slots[i] = new ParameterSlot(false, values++, parameters[i].getName(), javaType, optional,
                    type.isPrimitive(), isObjectLike(type));
        }
        this.valueParameters = values;
        this.takesRawPayload = values == 0 && parameters.length > 0;
        if (values > 0 && !parameters[0].isNamePresent()) {
            LoggerFactory.getLogger(MethodArgumentBinder.class)
                    .warn("{} was compiled without -parameters: keyword arguments cannot bind by name", method);
        }
    }

    private static boolean isObjectLike(Class<?> type) {
        return !BeanUtils.isSimpleValueType(type) && !type.isArray() && !Collection.class.isAssignableFrom(type)
                && type != Optional.class && type != Object.class;
    }

    /** The method's arguments for this payload and context; a mismatch fails with invalid_argument. */
    public @Nullable Object[] bind(@Nullable List<Object> args, @Nullable Map<String, Object> kwargs, Object context) {
        List<Object> positional = args != null ? args : List.of();
        Map<String, Object> named = kwargs != null ? kwargs : Map.of();
        if (positional.size() > valueParameters && !takesRawPayload) {
            throw invalid("expected at most " + valueParameters + " positional arguments, got " + positional.size());
        }
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            ParameterSlot slot = slots[i];
            values[i] = slot.context ? context : bindValue(slot, positional, named);
        }
        return values;
    }

    private @Nullable Object bindValue(ParameterSlot slot, List<Object> positional, Map<String, Object> named) {
        Object raw;
        String what;
        if (slot.index < positional.size()) {
            raw = positional.get(slot.index);
            what = "argument " + slot.index + " ('" + slot.name + "')";
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

    /** How one parameter is filled. */
    private record ParameterSlot(boolean context, int index, String name, @Nullable JavaType type, boolean optional,
            boolean primitive, boolean objectLike) {

        static final ParameterSlot CONTEXT = new ParameterSlot(true, -1, "", null, false, false, false);
    }
}
