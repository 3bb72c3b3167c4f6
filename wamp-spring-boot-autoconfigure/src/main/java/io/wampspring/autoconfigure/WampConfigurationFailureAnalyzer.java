package io.wampspring.autoconfigure;

import io.wampspring.spring.core.WampConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link WampConfigurationException}, however deep in the bean creation errors it lies, as what is wrong
 * (naming the property or the annotated method) and what to do about it.
 */
public final class WampConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<WampConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WampConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
