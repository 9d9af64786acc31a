package dev.weft.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.engine.SwfEngine;
import dev.weft.internal.engine.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskRequest;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskRequest;
import software.amazon.awssdk.services.swf.model.SwfRequest;
import software.amazon.awssdk.services.swf.model.SwfResponse;

/**
 * The engine over HTTP, speaking SWF's protocol (AWS JSON 1.0): {@code POST /} with the operation
 * in {@code X-Amz-Target}, JSON in and out, faults as HTTP 400 with {@code __type} and {@code
 * message}. Long polls hold their exchange open without holding a thread: the engine answers them
 * through a callback, so hundreds of waiting polls cost a few threads.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

    /** SWF's limit on a request's size. */
    static final int MAX_BODY = 1024 * 1024;

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String TARGET_PREFIX = "SimpleWorkflowService.";
    private static final String LONG_TARGET_PREFIX = "com.amazonaws.swf.service.model.SimpleWorkflowService.";
    private static final String FAULTS = "com.amazonaws.swf.base.model#";
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final String CORAL = "com.amazon.coral.service#";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    private final Engine engine;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<WaitingPoll> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    private HttpEndpoint(Engine engine, HttpServer server, ExecutorService executor) {
        this.engine = engine;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves the engine on {@code host:port} (port 0 picks a free one) until closed.
     *
     * @throws IOException if the address cannot be bound
     */
    public static HttpEndpoint start(SwfEngine engine, String host, int port) throws IOException {
        if (!(engine instanceof Engine e)) {
            throw new IllegalArgumentException("Only engines built by SwfEngine.builder() can be served");
        }
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK, and every answer waits 40 ms. The server reads this once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
        ExecutorService executor = executor();
        HttpEndpoint endpoint = new HttpEndpoint(e, server, executor);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /** Virtual threads where the JDK has them (21+), a small pool of platform threads otherwise. */
    private static ExecutorService executor() {
        try {
            Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) virtual.invoke(null);
        } catch (ReflectiveOperationException e) {
            AtomicInteger n = new AtomicInteger();
            int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
            return Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "weft-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops serving: waiting polls are answered with the empty task, then the listener and the
     * connections close. The engine is left running.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (WaitingPoll poll : waiting) {
            poll.abandon();
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!waiting.isEmpty() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------

    private void handle(HttpExchange x) {
        try {
            serve(x);
        } catch (RuntimeException | Error e) {
            log.error("[BUG] {} failed", x.getRequestHeaders().getFirst("X-Amz-Target"), e);
            fail(x, 500, CORAL + "InternalFailure", "Internal failure: " + e);
        }
    }

    private void serve(HttpExchange x) {
        if (closing) {
            fail(x, 503, CORAL + "ServiceUnavailableException", "The server is shutting down");
            return;
        }
        if (!"POST".equals(x.getRequestMethod())) {
            fail(
                    x,
                    405,
                    CORAL + "UnknownOperationException",
                    "SWF takes POST requests only, not " + x.getRequestMethod());
            return;
        }
        String target = x.getRequestHeaders().getFirst("X-Amz-Target");
        Operations.Operation op = operation(target);
        if (op == null) {
            fail(
                    x,
                    400,
                    CORAL + "UnknownOperationException",
                    target == null
                            ? "Missing X-Amz-Target header: name the operation, as in SimpleWorkflowService.ListDomains"
                            : "Unknown operation " + target);
            return;
        }
        byte[] body;
        try {
            body = x.getRequestBody().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            fail(x, 400, CORAL + "SerializationException", "Could not read the request body: " + e.getMessage());
            return;
        }
        if (body.length > MAX_BODY) {
            fail(
                    x,
                    413,
                    CORAL + "RequestEntityTooLargeException",
                    "Request body exceeds " + MAX_BODY + " bytes, SWF's limit on a request");
            return;
        }
        SwfRequest request;
        try {
            JsonNode json = body.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw new WireCodec.MalformedException("Expected a JSON object as the request body");
            }
            request = (SwfRequest) WireCodec.read(json, op.requestBuilder());
        } catch (JsonProcessingException e) {
            fail(x, 400, CORAL + "SerializationException", "Malformed JSON: " + e.getOriginalMessage());
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WireCodec.MalformedException e) {
            fail(x, 400, CORAL + "SerializationException", e.getMessage());
            return;
        }
        try {
            if (request instanceof PollForDecisionTaskRequest || request instanceof PollForActivityTaskRequest) {
                WaitingPoll waiter = new WaitingPoll(x);
                waiting.add(waiter);
                try {
                    waiter.handle(
                            request instanceof PollForDecisionTaskRequest decisions
                                    ? engine.pollForDecisionTask(decisions, executor, waiter::answer)
                                    : engine.pollForActivityTask(
                                            (PollForActivityTaskRequest) request, executor, waiter::answer));
                } catch (RuntimeException e) {
                    waiting.remove(waiter); // Refused before it waited.
                    throw e;
                }
            } else {
                ok(x, op.invoke(engine, request));
            }
        } catch (AwsServiceException e) {
            fault(x, e);
        } catch (IllegalStateException e) {
            if (!e.getMessage().startsWith("[BUG]")) {
                fail(x, 503, CORAL + "ServiceUnavailableException", e.getMessage());
            } else {
                throw e;
            }
        }
    }

    /** A long poll holding its exchange until the engine answers. */
    private final class WaitingPoll {
        private final HttpExchange exchange;
        private volatile Engine.PendingPoll handle;
        private volatile boolean answered;

        WaitingPoll(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void handle(Engine.PendingPoll handle) {
            this.handle = handle;
            if (!answered && closing) {
                // close() may have swept the waiting polls before this handle was set; the engine
                // counts the poll as waiting from the moment it joins its queue, before we get here.
                handle.abandon();
            }
        }

        void abandon() {
            Engine.PendingPoll h = handle;
            if (h != null) {
                h.abandon();
            }
        }

        <T extends SwfResponse> void answer(T response, RuntimeException failure) {
            try {
                if (failure instanceof AwsServiceException fault) {
                    fault(exchange, fault);
                } else if (failure != null) {
                    log.error("[BUG] a poll failed", failure);
                    fail(exchange, 500, CORAL + "InternalFailure", "Internal failure: " + failure);
                } else {
                    ok(exchange, response);
                }
            } catch (RuntimeException e) {
                log.error("[BUG] could not answer a poll", e);
            } finally {
                // Only once the answer is written: close() waits for this before it stops the
                // server, which would otherwise cut the answer off and leave the client to retry.
                answered = true;
                waiting.remove(this);
            }
        }
    }

    static Operations.Operation operation(String target) {
        if (target == null) {
            return null;
        }
        String name;
        if (target.startsWith(LONG_TARGET_PREFIX)) {
            name = target.substring(LONG_TARGET_PREFIX.length());
        } else if (target.startsWith(TARGET_PREFIX)) {
            name = target.substring(TARGET_PREFIX.length());
        } else {
            return null;
        }
        return Operations.ALL.get(name);
    }

    private static void ok(HttpExchange x, SwfResponse response) {
        byte[] body = new byte[0];
        if (WireCodec.hasMembers((SdkPojo) response)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                WireCodec.write(g, (SdkPojo) response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            body = out.toByteArray();
        }
        send(x, 200, body);
    }

    private static void fault(HttpExchange x, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        String type = "ValidationException".equals(code) ? VALIDATION : FAULTS + code;
        fail(x, 400, type, message);
    }

    private static void fail(HttpExchange x, int status, String type, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("__type", type);
            g.writeStringField("message", message);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        send(x, status, out.toByteArray());
    }

    private static void send(HttpExchange x, int status, byte[] body) {
        try {
            x.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            x.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream os = x.getResponseBody()) {
                    os.write(body);
                }
            }
        } catch (IOException e) {
            log.debug("client went away before its answer was sent", e);
        } finally {
            x.close();
        }
    }
}
