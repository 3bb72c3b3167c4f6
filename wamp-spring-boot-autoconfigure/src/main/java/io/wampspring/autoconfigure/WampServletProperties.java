package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/** The servlet WebSocket transport's use of Tomcat's per-connection buffers. */
public class WampServletProperties {

    /**
     * Size of Tomcat's WebSocket message buffer (text: in characters) for each WAMP session. Larger messages still
     * arrive whole: in parts, which the router assembles up to wamp.max-message-size. Tomcat only; its default is
     * 8KB for every WebSocket session.
     */
    private DataSize messageBufferSize = DataSize.ofKilobytes(1);

    /**
     * Size of the read and the write buffer Tomcat's connector keeps for each connection (socket.appReadBufSize and
     * socket.appWriteBufSize), for every connection of the connector, HTTP ones included. Unset: Tomcat's default
     * (8KB each). Smaller saves memory per idle connection at the cost of more reads and writes for large bodies.
     */
    private @Nullable DataSize socketBufferSize;

    public DataSize getMessageBufferSize() {
        return messageBufferSize;
    }

    public void setMessageBufferSize(DataSize messageBufferSize) {
        this.messageBufferSize = messageBufferSize;
    }

    public @Nullable DataSize getSocketBufferSize() {
        return socketBufferSize;
    }

    public void setSocketBufferSize(@Nullable DataSize socketBufferSize) {
        this.socketBufferSize = socketBufferSize;
    }
}
