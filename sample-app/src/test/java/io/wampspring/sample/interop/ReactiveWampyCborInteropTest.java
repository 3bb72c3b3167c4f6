package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyCborInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyCborInteropTest extends WampyCborInteropTest {
}
