package io.wampspring.spring.it;

/** {@link SubscriptionMetaApiIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveSubscriptionMetaApiIntegrationTests extends SubscriptionMetaApiIntegrationTests {
}
