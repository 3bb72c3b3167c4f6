package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsMsgpackInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsMsgpackInteropTest extends AutobahnJsMsgpackInteropTest {
}
