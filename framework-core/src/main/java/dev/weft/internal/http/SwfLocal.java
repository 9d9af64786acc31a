package dev.weft.internal.http;

import dev.weft.engine.SwfEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./swf-local}: the reference engine served over HTTP, a local SWF for any client. Prints
 * exactly one line on standard output, {@code listening on http://HOST:PORT}, once it accepts
 * requests; everything else goes to standard error. SIGINT and SIGTERM stop it.
 */
public final class SwfLocal {
    static final String USAGE = """
            usage: swf-local [--port N] [--host H] [--poll-timeout SECONDS] [--data DIR]
              --port N               port to listen on; 0 picks a free one (default 8080)
              --host H               address to bind (default 127.0.0.1: this machine only)
              --poll-timeout SECONDS longest a poll waits for a task (default 60, as SWF)
              --data DIR             where the engine keeps its state (accepted; state is in memory for now)""";

    /** Parsed command line. */
    record Options(String host, int port, Duration pollTimeout, Path data) {}

    private SwfLocal() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("swf-local: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Server server = start(options, System.out, System.err);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            System.err.println("swf-local: stopped");
                            stopped.countDown();
                        },
                        "swf-local-shutdown"));
        stopped.await();
    }

    /** A running engine and its endpoint, closed together. */
    record Server(SwfEngine engine, HttpEndpoint endpoint) implements AutoCloseable {
        @Override
        public void close() {
            endpoint.close();
            engine.close();
        }
    }

    static Server start(Options options, PrintStream out, PrintStream err) throws IOException {
        if (options.data() != null) {
            Files.createDirectories(options.data());
            err.println("swf-local: --data " + options.data()
                    + " accepted; this version keeps state in memory, so it is lost when the server stops");
        }
        SwfEngine engine =
                SwfEngine.builder().pollTimeout(options.pollTimeout()).build();
        HttpEndpoint endpoint;
        try {
            endpoint = HttpEndpoint.start(engine, options.host(), options.port());
        } catch (IOException e) {
            engine.close();
            throw new IOException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        out.println("listening on http://" + options.host() + ":" + endpoint.port());
        out.flush();
        return new Server(engine, endpoint);
    }

    /** The options, or null when help was asked for. */
    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8080;
        Duration pollTimeout = Duration.ofSeconds(60);
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        arg.startsWith("--") ? arg + " needs a value" : "unknown argument " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> port = number(arg, value, 0, 65535);
                case "--host" -> host = value;
                case "--poll-timeout" -> pollTimeout = Duration.ofSeconds(number(arg, value, 0, 3600));
                case "--data" -> data = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(host, port, pollTimeout, data);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", but was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, but was '" + value + "'", e);
        }
    }
}
