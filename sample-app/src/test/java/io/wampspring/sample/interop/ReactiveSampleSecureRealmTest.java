package io.wampspring.sample.interop;

import io.wampspring.sample.ReactiveTransport;

/** {@link SampleSecureRealmTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveSampleSecureRealmTest extends SampleSecureRealmTest {
}
