package io.wampspring.sample;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs a test class's sample app as README says for the reactive transport
 * ({@code spring.main.web-application-type=reactive}): WebFlux on Reactor Netty instead of Tomcat. A subclass of an
 * interop, browser or operations test with this annotation runs the same tests, with the same real clients, on the
 * other transport ({@code class ReactiveWampyJsonInteropTest extends WampyJsonInteropTest}); the reactive subclasses
 * of one configuration share their application context. {@code ReactiveTwinCoverageTest} checks that every
 * WebSocket test has such a twin.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
// no quiet period when a context stops Reactor Netty's resources: at the JVM's exit every cached context stops them
// in turn, and two seconds each outlasted surefire's 30 s for the whole exit
@TestPropertySource(properties = {"spring.main.web-application-type=reactive",
        "spring.reactor.netty.shutdown-quiet-period=0s"})
public @interface ReactiveTransport {
}
