package io.wampspring.sample.interop;

/** autobahn-js 26 (npm autobahn, on Node's own WebSocket) with msgpack, against autobahn-java with cbor, the annotated beans and WampTemplate. */
class AutobahnJsMsgpackInteropTest extends AbstractCrossClientInteropTest {

    @Override
    String library() {
        return "autobahn";
    }

    @Override
    String serializer() {
        return "msgpack";
    }

    @Override
    String javaSerializer() {
        return "cbor";
    }
}
