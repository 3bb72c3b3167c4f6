package io.wampspring.sample.interop;

/** The advanced RPC profile with autobahn-js 26 with msgpack. */
class AutobahnJsMsgpackAdvancedRpcInteropTest extends AbstractAutobahnJsAdvancedRpcInteropTest {

    @Override
    String serializer() {
        return "msgpack";
    }
}
