package io.wampspring.sample.interop;

/** The advanced PubSub profile with autobahn-js 26 with msgpack. */
class AutobahnJsMsgpackAdvancedPubSubInteropTest extends AbstractAutobahnJsAdvancedPubSubInteropTest {

    @Override
    String serializer() {
        return "msgpack";
    }
}
