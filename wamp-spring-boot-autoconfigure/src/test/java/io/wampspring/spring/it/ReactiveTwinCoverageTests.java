package io.wampspring.spring.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integration test that runs a web server and talks to it over WebSocket runs on both transports: for each
 * such class {@code X} on Tomcat, a class {@code ReactiveX} in its package extends it and carries
 * {@link ReactiveTransport}. A WebSocket integration test is a test class of this module that is a
 * {@code @SpringBootTest} on a real port, or a class named {@code *IntegrationTests} in this package (some start
 * their application themselves). Tests that run on the reactive transport only need no twin.
 */
class ReactiveTwinCoverageTests {

    /** Tests that need no reactive twin, and why. */
    private static final Map<Class<?>, String> EXCEPTIONS = Map.of(
            RawSocketTlsIntegrationTests.class, "RawSocket over TLS on its own port: no WebSocket transport at all",
            TomcatSmallBuffersIntegrationTests.class, "Tomcat's own buffer settings (wamp.servlet.*): nothing to set on "
                    + "Reactor Netty");

    @Test
    void everyWebSocketIntegrationTestHasAReactiveTwin() throws IOException {
        List<Class<?>> testClasses = testClasses("io.wampspring");
        List<Class<?>> servletTests = testClasses.stream().filter(ReactiveTwinCoverageTests::isWebSocketTest)
                .filter(test -> !runsReactive(test)).toList();
        // the scan finds what it must, so an empty scan cannot pass
        assertThat(servletTests).extracting(Class::getSimpleName).contains("LargeMessageIntegrationTests",
                "ShutdownIntegrationTests", "MetricsIntegrationTests");

        Map<String, String> missing = new TreeMap<>();
        for (Class<?> test : servletTests) {
            if (EXCEPTIONS.containsKey(test)) {
                continue;
            }
            String twin = test.getPackageName() + ".Reactive" + test.getSimpleName();
            Class<?> found = testClasses.stream().filter(type -> type.getName().equals(twin)).findFirst()
                    .orElse(null);
            if (found == null) {
                missing.put(test.getName(), "no class " + twin);
            }
            else if (!test.isAssignableFrom(found) || !found.isAnnotationPresent(ReactiveTransport.class)) {
                missing.put(test.getName(), twin + " must extend it and carry @ReactiveTransport");
            }
        }
        assertThat(missing).as("WebSocket integration tests without a reactive twin").isEmpty();
        assertThat(EXCEPTIONS.keySet()).as("exceptions that are no WebSocket test any more")
                .allMatch(servletTests::contains);
    }

    private static boolean isWebSocketTest(Class<?> test) {
        MergedAnnotation<SpringBootTest> bootTest = MergedAnnotations.from(test, SearchStrategy.TYPE_HIERARCHY)
                .get(SpringBootTest.class);
        boolean realPort = bootTest.isPresent() && switch (bootTest.getEnum("webEnvironment",
                SpringBootTest.WebEnvironment.class)) {
            case RANDOM_PORT, DEFINED_PORT -> true;
            default -> false;
        };
        boolean integrationTest = test.getPackageName().equals(ReactiveTwinCoverageTests.class.getPackageName())
                && test.getSimpleName().endsWith("IntegrationTests");
        return realPort || integrationTest;
    }

    /** Carries {@link ReactiveTransport}, or sets the reactive web application type itself. */
    private static boolean runsReactive(Class<?> test) {
        return test.isAnnotationPresent(ReactiveTransport.class)
                || Arrays.asList(MergedAnnotations.from(test, SearchStrategy.TYPE_HIERARCHY).get(SpringBootTest.class)
                        .getValue("properties", String[].class).orElse(new String[0]))
                        .contains("spring.main.web-application-type=reactive");
    }

    /** The concrete top-level and nested classes compiled from this module's test sources. */
    static List<Class<?>> testClasses(String basePackage) throws IOException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            if (((ScannedGenericBeanDefinition) definition).getResource().getURL().toString()
                    .contains("/test-classes/")) {
                classes.add(ClassUtils.resolveClassName(definition.getBeanClassName(), null));
            }
        }
        return classes;
    }
}
