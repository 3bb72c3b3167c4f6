package io.wampspring.benchmarks.echo;

/**
 * A plain WebSocket echo at {@code /echo}, with no Spring and no WAMP: the ceiling of its stack, against which the
 * {@code echo} scenario measures what the same stack does with nothing on top.
 */
public sealed interface EchoServer extends AutoCloseable permits NettyEchoServer, TomcatEchoServer {

    String PATH = "/echo";

    /** The port it listens on (127.0.0.1). */
    int port();

    /** Stops it; blocks until the port is closed. */
    @Override
    void close();

    /** Starts the echo of {@code stack} ({@code netty} or {@code tomcat}) on 127.0.0.1:{@code port} (0: free). */
    static EchoServer start(String stack, int port) throws Exception {
        return switch (stack) {
            case "netty" -> NettyEchoServer.start(port);
            case "tomcat" -> TomcatEchoServer.start(port);
            default -> throw new IllegalArgumentException("unknown stack '" + stack + "', expected netty or tomcat");
        };
    }
}
