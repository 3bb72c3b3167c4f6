package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyJsonAdvancedRpcInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyJsonAdvancedRpcInteropTest extends WampyJsonAdvancedRpcInteropTest {
}
