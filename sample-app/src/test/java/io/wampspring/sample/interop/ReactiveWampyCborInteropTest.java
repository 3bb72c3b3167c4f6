package io.wampspring.sample.interop;

import org.springframework.test.context.TestPropertySource;

/** {@link WampyCborInteropTest} on the reactive transport: wampy (cbor) and autobahn-java (json) against Reactor Netty. */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveWampyCborInteropTest extends WampyCborInteropTest {
}
