package io.wampspring.sample.interop;

/** The session meta API and testaments with autobahn-js 26 with msgpack. */
class AutobahnJsMsgpackSessionMetaInteropTest extends AbstractAutobahnJsSessionMetaInteropTest {

    @Override
    String serializer() {
        return "msgpack";
    }
}
