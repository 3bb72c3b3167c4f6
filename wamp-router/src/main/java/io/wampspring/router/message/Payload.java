package io.wampspring.router.message;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The application payload of a message: positional {@code args} and keyword {@code kwargs}. The router never looks
 * inside it; it only forwards it. Absent and empty are kept apart so that a forwarded message has the shape its
 * sender gave it. An interface rather than a record so that a payload still in its encoded form can stand here later.
 */
public interface Payload {

    Payload EMPTY = new Values(null, null);

    /** The positional arguments, or null when the message carried none. */
    @Nullable List<Object> args();

    /** The keyword arguments, or null when the message carried none. */
    @Nullable Map<String, Object> kwargs();

    default boolean isEmpty() {
        List<Object> args = args();
        Map<String, Object> kwargs = kwargs();
        return (args == null || args.isEmpty()) && (kwargs == null || kwargs.isEmpty());
    }

    @SuppressWarnings("unchecked")
    static Payload of(@Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        if (args == null && kwargs == null) {
            return EMPTY;
        }
        return new Values((List<Object>) args, (Map<String, Object>) kwargs);
    }

    static Payload ofArgs(Object... args) {
        return new Values(List.of(args), null);
    }

    /** A payload held as decoded values. */
    record Values(@Nullable List<Object> args, @Nullable Map<String, Object> kwargs) implements Payload {
    }
}
