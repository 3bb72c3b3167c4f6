package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyMsgpackInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyMsgpackInteropTest extends WampyMsgpackInteropTest {
}
