package io.wampspring.spring.binding;

/**
 * Sends progressive results from a {@code @WampProcedure} method: declare a parameter of this type, call
 * {@link #send} for each partial result, and return the final one. A caller that did not ask for progress
 * ({@code receive_progress}) gets only the final result; {@link #isRequested()} tells whether anyone listens.
 *
 * @param <T> the type of the partial results
 */
public interface WampProgress<T> {

    /** Sends one partial result, converted with the application's Jackson mapper; false if it was not sent. */
    boolean send(T value);

    /** Whether the caller asked for progressive results. */
    boolean isRequested();
}
