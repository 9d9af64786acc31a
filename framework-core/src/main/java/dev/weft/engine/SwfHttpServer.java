package dev.weft.engine;

import dev.weft.internal.http.HttpEndpoint;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Serves a {@link SwfEngine} over HTTP with SWF's own wire protocol (AWS JSON 1.0), so that any SWF
 * client can use it as it would use the service: the AWS SDKs (Java, Python, JavaScript...), the
 * AWS CLI, or Weft workers in another process.
 *
 * <pre>{@code
 * try (SwfEngine engine = SwfEngine.builder().build();
 *         SwfHttpServer server = SwfHttpServer.start(engine, "127.0.0.1", 0)) {
 *     SwfClient swf = SwfClients.forEndpoint(server.endpoint());
 *     swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED));
 * }
 * }</pre>
 *
 * <p>Long polls are held without a thread each. Requests are not authenticated: SigV4 signatures
 * are accepted and not checked, so bind to a loopback address (the default of {@code ./swf-local})
 * unless the network is trusted. The wire format and its deliberate differences from SWF are in
 * {@code docs/engine.md}.
 */
public final class SwfHttpServer implements AutoCloseable {
    private final HttpEndpoint endpoint;
    private final String host;

    private SwfHttpServer(HttpEndpoint endpoint, String host) {
        this.endpoint = endpoint;
        this.host = host;
    }

    /**
     * Starts serving {@code engine} on {@code host:port}.
     *
     * @param engine the engine to serve; closing the server leaves it running
     * @param host the address to bind, such as {@code 127.0.0.1} (this machine only) or {@code
     *     0.0.0.0} (every interface)
     * @param port the port, or 0 for a free one
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static SwfHttpServer start(SwfEngine engine, String host, int port) throws IOException {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, but was " + port);
        }
        return new SwfHttpServer(HttpEndpoint.start(engine, host, port), host);
    }

    /**
     * The bound port (the free one chosen when started with port 0).
     *
     * @return the port
     */
    public int port() {
        return endpoint.port();
    }

    /**
     * The URL clients use, such as {@code http://127.0.0.1:8080}.
     *
     * @return the endpoint URL
     */
    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port());
    }

    /**
     * Stops serving. Polls still waiting are answered with the empty task first. The engine keeps
     * running. Idempotent.
     */
    @Override
    public void close() {
        endpoint.close();
    }

    @Override
    public String toString() {
        return "SwfHttpServer[" + endpoint() + "]";
    }
}
