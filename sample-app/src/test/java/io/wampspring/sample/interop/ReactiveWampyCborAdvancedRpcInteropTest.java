package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyCborAdvancedRpcInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyCborAdvancedRpcInteropTest extends WampyCborAdvancedRpcInteropTest {
}
