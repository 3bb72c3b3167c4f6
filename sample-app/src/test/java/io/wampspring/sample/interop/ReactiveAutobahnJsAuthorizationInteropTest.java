package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsAuthorizationInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsAuthorizationInteropTest extends AutobahnJsAuthorizationInteropTest {
}
