package io.wampspring.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Atomic access to a plain field: per-session state that needs a compare-and-set or an atomic add keeps a volatile
 * field updated through a {@link VarHandle} rather than an {@code Atomic*} or {@code LongAdder} object of its own,
 * which would cost 16 to 32 bytes more per session.
 */
final class VarHandles {

    private VarHandles() {
    }

    /** The handle of the field {@code name} of {@code lookup}'s class. */
    static VarHandle field(MethodHandles.Lookup lookup, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, type);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }
}
