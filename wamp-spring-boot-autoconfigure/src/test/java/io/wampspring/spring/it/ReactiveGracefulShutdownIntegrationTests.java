package io.wampspring.spring.it;

/** {@link GracefulShutdownIntegrationTests} on the reactive transport (Reactor Netty). */
class ReactiveGracefulShutdownIntegrationTests extends GracefulShutdownIntegrationTests {

    @Override
    String webApplicationType() {
        return "reactive";
    }
}
