package io.wampspring.spring.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A result with explicit {@code args} and {@code kwargs}: return it from a {@code @WampProcedure} method to control
 * both, or ask {@link WampTemplate#call} for it to see both.
 */
public record WampResult(@Nullable List<Object> args, @Nullable Map<String, Object> kwargs) {

    public static final WampResult EMPTY = new WampResult(List.of(), Map.of());

    public WampResult {
        args = args != null ? args : List.of();
        kwargs = kwargs != null ? kwargs : Map.of();
    }

    public static WampResult of(@Nullable Object... args) {
        return new WampResult(Arrays.asList(args), Map.of());
    }

    @SuppressWarnings("unchecked")
    public static WampResult of(List<?> args, Map<String, ?> kwargs) {
        return new WampResult((List<Object>) args, (Map<String, Object>) kwargs);
    }

    public static WampResult ofKwargs(Map<String, ?> kwargs) {
        return of(List.of(), kwargs);
    }

    /** The first positional argument, or null. */
    public @Nullable Object firstArg() {
        return args.isEmpty() ? null : args.get(0);
    }
}
