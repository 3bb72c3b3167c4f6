package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyJsonAdvancedPubSubInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyJsonAdvancedPubSubInteropTest extends WampyJsonAdvancedPubSubInteropTest {
}
