package io.wampspring.spring.core;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanInitializationException;

/**
 * The application's WAMP setup cannot work: a property or an annotated method names something that does not exist
 * or conflicts with something else. The message says what is wrong and names the property or the method;
 * {@link #action()} says how to fix it. Spring Boot prints both as the application's one startup failure (through
 * {@code io.wampspring.autoconfigure.WampConfigurationFailureAnalyzer}) instead of a chain of bean creation errors.
 */
public class WampConfigurationException extends BeanInitializationException {

    private final String action;

    public WampConfigurationException(String description, String action) {
        this(description, action, null);
    }

    public WampConfigurationException(String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /** What to change so that the application starts. */
    public String action() {
        return action;
    }
}
