package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link AutobahnJsJsonAdvancedPubSubInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAutobahnJsJsonAdvancedPubSubInteropTest extends AutobahnJsJsonAdvancedPubSubInteropTest {
}
