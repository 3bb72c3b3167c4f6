package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsMsgpackSessionMetaInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsMsgpackSessionMetaInteropTest extends AutobahnJsMsgpackSessionMetaInteropTest {
}
