package io.wampspring.benchmarks.echo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.Constants;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The plain Tomcat echo: embedded Tomcat (NIO connector, its defaults but the connection cap) with its Jakarta WebSocket implementation, an
 * endpoint at {@code /echo} that sends each whole text message back with the basic remote on the thread that
 * received it, as Spring's {@code TextWebSocketHandler} echo of the sample app does.
 */
public final class TomcatEchoServer implements EchoServer {

    private final Tomcat tomcat;
    private final Path baseDir;

    private TomcatEchoServer(Tomcat tomcat, Path baseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
    }

    static TomcatEchoServer start(int port) throws IOException, LifecycleException {
        Path baseDir = Files.createTempDirectory("tomcat-echo");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        // no cap on open connections (Tomcat's default 8192 would stall the sessions scenario's 10,000)
        connector.setProperty("maxConnections", "-1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        // the WebSocket container first (it installs the upgrade filter), then the endpoint into it
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext
                    .getAttribute(Constants.SERVER_CONTAINER_SERVLET_CONTEXT_ATTRIBUTE);
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Echo.class, PATH).build());
            }
            catch (DeploymentException ex) {
                throw new IllegalStateException(ex);
            }
        }, null);
        // the upgrade filter runs only for a request that some servlet is mapped to
        Tomcat.addServlet(context, "none", new HttpServlet() {
        });
        context.addServletMappingDecoded("/", "none");
        tomcat.start();
        return new TomcatEchoServer(tomcat, baseDir);
    }

    @Override
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
            try (var files = Files.walk(baseDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        catch (LifecycleException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends every whole text message straight back. */
    public static final class Echo extends Endpoint {

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                try {
                    session.getBasicRemote().sendText(text);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}
