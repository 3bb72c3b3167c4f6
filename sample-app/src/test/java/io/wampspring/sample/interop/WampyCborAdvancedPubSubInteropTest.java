package io.wampspring.sample.interop;

/** The advanced PubSub profile with wampy 8 with cbor. */
class WampyCborAdvancedPubSubInteropTest extends AbstractWampyAdvancedPubSubInteropTest {

    @Override
    String serializer() {
        return "cbor";
    }
}
