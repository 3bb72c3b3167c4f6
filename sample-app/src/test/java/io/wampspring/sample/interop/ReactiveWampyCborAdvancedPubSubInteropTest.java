package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyCborAdvancedPubSubInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyCborAdvancedPubSubInteropTest extends WampyCborAdvancedPubSubInteropTest {
}
