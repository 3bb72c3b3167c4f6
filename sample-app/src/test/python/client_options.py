"""The WebSocket options the interop scripts give autobahn-python's ApplicationRunner in place of its defaults."""

MAX_MESSAGE = 16 * 1024 * 1024

WEBSOCKET_OPTIONS = {
    # ApplicationRunner caps a message at 1 MiB, counted after permessage-deflate: the 1 MiB echo (larger once
    # serialized) passes only where the server compresses (Tomcat does, the reactive transport does not)
    'maxFramePayloadSize': MAX_MESSAGE,
    'maxMessagePayloadSize': MAX_MESSAGE,
    # 2.5 s by default: too short on a loaded 2-core machine running two test JVMs and their clients at once
    'openHandshakeTimeout': 20.0,
}
