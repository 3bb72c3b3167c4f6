package io.wampspring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * What Spring Boot prints when an application fails to start: the first analysis of the failure analyzers registered
 * in {@code META-INF/spring.factories} (Boot's and ours), asked in their order, as Boot's {@code FailureAnalyzers}
 * does.
 */
final class StartupFailures {

    private StartupFailures() {
    }

    static @Nullable FailureAnalysis analyze(Throwable failure) {
        SpringFactoriesLoader.ArgumentResolver arguments = SpringFactoriesLoader.ArgumentResolver
                .of(Environment.class, new StandardEnvironment());
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(
                StartupFailures.class.getClassLoader()).load(FailureAnalyzer.class, arguments,
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> { }));
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        return null;
    }
}
