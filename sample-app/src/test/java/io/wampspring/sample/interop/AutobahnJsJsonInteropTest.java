package io.wampspring.sample.interop;

/** autobahn-js 26 (npm autobahn, on Node's own WebSocket) with json, against autobahn-java with msgpack, the annotated beans and WampTemplate. */
class AutobahnJsJsonInteropTest extends AbstractCrossClientInteropTest {

    @Override
    String library() {
        return "autobahn";
    }

    @Override
    String serializer() {
        return "json";
    }

    @Override
    String javaSerializer() {
        return "msgpack";
    }
}
