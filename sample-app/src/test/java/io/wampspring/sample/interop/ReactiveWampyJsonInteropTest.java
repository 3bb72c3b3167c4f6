package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link WampyJsonInteropTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampyJsonInteropTest extends WampyJsonInteropTest {
}
