package io.wampspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
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

/**
 * Every interop, browser and operations test that runs the sample app on a real port runs on both transports: for
 * each such class {@code X} on Tomcat, a class {@code ReactiveX} in its package extends it and carries
 * {@link ReactiveTransport}. Tests that run on the reactive transport only need no twin, and neither do the
 * RawSocket tests below, which talk to the RawSocket port and no WebSocket transport at all.
 */
class ReactiveTwinCoverageTest {

    /** Tests that need no reactive twin, and why (by name: they are package-private elsewhere). */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "io.wampspring.sample.interop.AutobahnPythonRawSocketInteropTest",
            "autobahn-python over RawSocket on its own port, no WebSocket",
            "io.wampspring.sample.interop.AutobahnPythonRawSocketTlsInteropTest",
            "autobahn-python over RawSocket with TLS on its own port, no WebSocket",
            "io.wampspring.sample.interop.RawSocketWireIntegrationTest",
            "a RawSocket client written from the spec, on the RawSocket port, no WebSocket");

    @Test
    void everyWebSocketTestHasAReactiveTwin() throws IOException {
        List<Class<?>> testClasses = testClasses("io.wampspring.sample");
        List<String> servletTests = testClasses.stream().filter(ReactiveTwinCoverageTest::runsOnARealPort)
                .filter(test -> !test.isAnnotationPresent(ReactiveTransport.class)).map(Class::getName).toList();
        // the scan finds what it must, so an empty scan cannot pass
        assertThat(servletTests).contains("io.wampspring.sample.interop.WampyJsonInteropTest",
                "io.wampspring.sample.browser.ShopPageBrowserTest");

        Map<String, String> missing = new TreeMap<>();
        for (String test : servletTests) {
            if (EXCEPTIONS.containsKey(test)) {
                continue;
            }
            String twin = test.substring(0, test.lastIndexOf('.') + 1) + "Reactive"
                    + test.substring(test.lastIndexOf('.') + 1);
            Class<?> found = testClasses.stream().filter(type -> type.getName().equals(twin)).findFirst()
                    .orElse(null);
            if (found == null) {
                missing.put(test, "no class " + twin);
            }
            else if (!found.getSuperclass().getName().equals(test)
                    || !found.isAnnotationPresent(ReactiveTransport.class)) {
                missing.put(test, twin + " must extend it and carry @ReactiveTransport");
            }
        }
        assertThat(missing).as("WebSocket tests without a reactive twin").isEmpty();
        assertThat(EXCEPTIONS.keySet()).as("exceptions that are no test on a real port any more")
                .allMatch(servletTests::contains);
    }

    private static boolean runsOnARealPort(Class<?> test) {
        MergedAnnotation<SpringBootTest> bootTest = MergedAnnotations.from(test, SearchStrategy.TYPE_HIERARCHY)
                .get(SpringBootTest.class);
        return bootTest.isPresent()
                && switch (bootTest.getEnum("webEnvironment", SpringBootTest.WebEnvironment.class)) {
                    case RANDOM_PORT, DEFINED_PORT -> true;
                    default -> false;
                };
    }

    /** The concrete top-level and static nested classes compiled from this module's test sources. */
    private static List<Class<?>> testClasses(String basePackage) throws IOException {
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
