package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsMsgpackAdvancedPubSubInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsMsgpackAdvancedPubSubInteropTest extends AutobahnJsMsgpackAdvancedPubSubInteropTest {
}
