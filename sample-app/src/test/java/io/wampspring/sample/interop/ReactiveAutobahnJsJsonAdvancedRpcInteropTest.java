package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsJsonAdvancedRpcInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsJsonAdvancedRpcInteropTest extends AutobahnJsJsonAdvancedRpcInteropTest {
}
