package io.wampspring.spring.it;

/** {@link AllowedOriginsIntegrationTests} on the reactive transport (Reactor Netty): the same origins pass or get 403. */
@ReactiveTransport
class ReactiveAllowedOriginsIntegrationTests extends AllowedOriginsIntegrationTests {
}
