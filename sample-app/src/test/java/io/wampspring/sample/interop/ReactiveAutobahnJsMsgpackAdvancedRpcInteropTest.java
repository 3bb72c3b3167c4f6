package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsMsgpackAdvancedRpcInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsMsgpackAdvancedRpcInteropTest extends AutobahnJsMsgpackAdvancedRpcInteropTest {
}
