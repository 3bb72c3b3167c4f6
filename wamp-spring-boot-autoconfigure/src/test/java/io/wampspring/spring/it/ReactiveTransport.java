package io.wampspring.spring.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Runs an integration test class's application as a reactive web application: WebFlux on Reactor Netty with the
 * reactive WebSocket transport, instead of Tomcat. A subclass of an integration test with this annotation runs
 * the same tests on the other transport ({@code class ReactiveLargeMessageIntegrationTests extends
 * LargeMessageIntegrationTests}); the reactive subclasses of one configuration share their application context.
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
