package io.wampspring.sample.interop;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link AutobahnJsJsonInteropTest} with the sample app started as README says for the reactive transport
 * ({@code spring.main.web-application-type=reactive}): autobahn-js and autobahn-java against Reactor Netty.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveAutobahnJsJsonInteropTest extends AutobahnJsJsonInteropTest {
}
