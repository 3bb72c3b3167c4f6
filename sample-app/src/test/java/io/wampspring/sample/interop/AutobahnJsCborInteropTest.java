package io.wampspring.sample.interop;

/** autobahn-js 26 (npm autobahn, on Node's own WebSocket) with cbor, against autobahn-java with json, the annotated beans and WampTemplate. */
class AutobahnJsCborInteropTest extends AbstractCrossClientInteropTest {

    @Override
    String library() {
        return "autobahn";
    }

    @Override
    String serializer() {
        return "cbor";
    }

    @Override
    String javaSerializer() {
        return "json";
    }
}
