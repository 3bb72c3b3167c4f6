package io.wampspring.router.serialization;

/**
 * A message holds a value outside the value model of {@link PayloadValues}, so no serializer can write it. Thrown
 * while serializing, the same way by every serializer; the message names the offending Java type. An
 * {@link IllegalArgumentException}, as the value is one the caller should not have passed.
 */
public class UnserializableValueException extends IllegalArgumentException {

    public UnserializableValueException(String message) {
        super(message);
    }
}
