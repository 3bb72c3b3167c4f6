package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnPythonAuthenticationInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnPythonAuthenticationInteropTest extends AutobahnPythonAuthenticationInteropTest {
}
