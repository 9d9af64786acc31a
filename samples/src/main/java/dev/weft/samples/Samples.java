package dev.weft.samples;

import dev.weft.client.SwfClients;
import dev.weft.client.WorkflowClient;
import dev.weft.engine.SwfEngine;
import dev.weft.worker.Worker;
import dev.weft.worker.WorkerOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;

/**
 * Where a sample runs: on an embedded engine (the default), against {@code ./swf-local} or any SWF
 * endpoint when {@code WEFT_SWF_ENDPOINT} is set (for example {@code http://127.0.0.1:8080}), or
 * against Amazon SWF in the region {@code WEFT_SWF_REGION} names (with the SDK's default
 * credentials). The domain is registered if it does not exist yet.
 *
 * <pre>{@code
 * try (Samples.Connection c = Samples.connect()) {
 *     c.startWorker("hello", List.of(GreeterImpl.class), List.of(new GreetingsImpl()));
 *     System.out.println(HelloSample.run(c.client()));
 * }
 * }</pre>
 */
public final class Samples {
    /** The domain samples use. */
    public static final String DOMAIN = "weft-samples";

    private Samples() {}

    /**
     * Connects as the environment says, and registers {@link #DOMAIN}.
     *
     * @return the connection
     */
    public static Connection connect() {
        String endpoint = System.getenv("WEFT_SWF_ENDPOINT");
        String region = System.getenv("WEFT_SWF_REGION");
        SwfClient swf;
        String where;
        if (endpoint != null && !endpoint.isBlank()) {
            swf = SwfClients.forEndpoint(URI.create(endpoint));
            where = endpoint;
        } else if (region != null && !region.isBlank()) {
            swf = SwfClients.forRegion(region);
            where = "Amazon SWF in " + region;
        } else {
            swf = SwfEngine.builder().build();
            where = "the embedded engine";
        }
        try {
            swf.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        } catch (DomainAlreadyExistsException e) {
            // Registered by an earlier run.
        }
        System.out.println("[" + DOMAIN + " on " + where + "]");
        return new Connection(swf);
    }

    /** An SWF client, the workflow client on it, and the workers started on it. */
    public static final class Connection implements AutoCloseable {
        private final SwfClient swf;
        private final WorkflowClient client;
        private final List<Worker> workers = new ArrayList<>();

        Connection(SwfClient swf) {
            this.swf = swf;
            this.client = WorkflowClient.create(swf, DOMAIN);
        }

        /**
         * The SWF client.
         *
         * @return the client
         */
        public SwfClient swf() {
            return swf;
        }

        /**
         * The workflow client.
         *
         * @return the client
         */
        public WorkflowClient client() {
            return client;
        }

        /**
         * Starts a worker on {@code taskList}; closing the connection closes it.
         *
         * @param taskList the task list
         * @param workflows workflow implementation classes
         * @param activities activity implementations
         * @return the started worker
         */
        public Worker startWorker(String taskList, List<Class<?>> workflows, List<Object> activities) {
            return startWorker(
                    taskList, workflows, activities, WorkerOptions.newBuilder().build());
        }

        /**
         * As {@link #startWorker(String, List, List)}, with options.
         *
         * @param taskList the task list
         * @param workflows workflow implementation classes
         * @param activities activity implementations
         * @param options the worker's options
         * @return the started worker
         */
        public Worker startWorker(
                String taskList, List<Class<?>> workflows, List<Object> activities, WorkerOptions options) {
            Worker w = Worker.newBuilder(swf, DOMAIN, taskList)
                    .workflows(workflows.toArray(new Class<?>[0]))
                    .activities(activities.toArray())
                    .options(options)
                    .build();
            w.start();
            workers.add(w);
            return w;
        }

        /**
         * Stops the workers all at once (over HTTP a poll in flight cannot be cut short, so each
         * worker waits for its polls to return: up to the endpoint's poll timeout, 60 s on SWF),
         * lets their tasks finish, then closes the client.
         */
        @Override
        public void close() {
            workers.forEach(Worker::shutdown);
            workers.forEach(Worker::close); // Each waits for what is left of its own shutdown.
            swf.close();
        }
    }
}
