package io.wampspring.router.transport;

import org.jspecify.annotations.Nullable;

/** Completion of one {@link Transport#write}. */
@FunctionalInterface
public interface WriteCallback {

    /** Called once; {@code failure} is null when the frame was written. */
    void completed(@Nullable Throwable failure);
}
