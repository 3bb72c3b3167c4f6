package io.wampspring.autoconfigure;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * With {@code wamp.enabled=false} no WAMP bean exists, as with any feature Spring Boot switches off. A bean that
 * requires one (a {@code WampTemplate}, say) then fails the start; this analyzer says why, naming the property,
 * where Boot's generic "consider defining a bean" would not (the whole auto-configuration is skipped, so Boot's
 * report has no condition to show).
 */
public final class WampDisabledFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    private final Environment environment;

    public WampDisabledFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        // ahead of Boot's NoSuchBeanDefinitionFailureAnalyzer; it answers only for WAMP types while disabled
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        if (type == null || !type.getName().startsWith("io.wampspring.")
                || environment.getProperty("wamp.enabled", Boolean.class, true)) {
            return null;
        }
        String requiredBy = (rootFailure instanceof UnsatisfiedDependencyException unsatisfied
                && unsatisfied.getBeanName() != null) ? "Bean '" + unsatisfied.getBeanName() + "'" : "A bean";
        return new FailureAnalysis(requiredBy + " requires a " + type.getName() + ", but the WAMP router is "
                + "switched off (wamp.enabled=false), so there is none.",
                "Set wamp.enabled=true, or inject ObjectProvider<" + type.getSimpleName() + "> (or Optional<"
                        + type.getSimpleName() + ">) where the bean must also work without WAMP.", cause);
    }
}
