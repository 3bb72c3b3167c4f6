package io.wampspring.spring.binding;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The live side of a call a {@code @WampProcedure} method serves: progressive results and cancellation. Reached
 * through {@link WampCallContext} or a {@link WampProgress} parameter.
 */
public interface WampCallControl {

    /** A control for a call that takes no progress and is never canceled (tests, direct use). */
    WampCallControl NONE = new WampCallControl() {
        @Override
        public boolean receivesProgress() {
            return false;
        }

        @Override
        public boolean progress(@Nullable Object value) {
            return false;
        }

        @Override
        public @Nullable String cancelMode() {
            return null;
        }

        @Override
        public void onCancel(Consumer<String> listener) {
        }
    };

    /** Whether the caller asked for progressive results. */
    boolean receivesProgress();

    /** Sends a progressive result (converted like a return value); false when the caller did not ask or it ended. */
    boolean progress(@Nullable Object value);

    /** {@code kill} or {@code killnowait} once the caller canceled the call (or it timed out), else null. */
    @Nullable String cancelMode();

    /** Runs {@code listener} with the mode when the call is canceled; at once if it already is. */
    void onCancel(Consumer<String> listener);
}
