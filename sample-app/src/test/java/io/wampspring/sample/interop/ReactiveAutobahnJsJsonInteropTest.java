package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/**
 * {@link AutobahnJsJsonInteropTest} on the reactive transport (Reactor Netty): autobahn-js and autobahn-java against
 * the sample app started as README says ({@code spring.main.web-application-type=reactive}).
 */
@ReactiveTransport
class ReactiveAutobahnJsJsonInteropTest extends AutobahnJsJsonInteropTest {
}
