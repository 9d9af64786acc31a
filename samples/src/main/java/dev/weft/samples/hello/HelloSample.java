package dev.weft.samples.hello;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import java.util.List;

/**
 * Hello world: a workflow that calls one activity and returns its result.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.hello.HelloSample}.
 */
public final class HelloSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "hello";

    private HelloSample() {}

    /** The workflow: what a client starts. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "5m")
    public interface Greeter {
        /**
         * Greets someone.
         *
         * @param name who
         * @return the greeting
         */
        @WorkflowMethod
        String greet(String name);
    }

    /** The activity: where the work (and any I/O) happens. */
    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Greetings {
        /**
         * Composes a greeting.
         *
         * @param name who
         * @return the greeting
         */
        String compose(String name);
    }

    /** The workflow's code: replayed by the decider, so it only decides. */
    public static final class GreeterImpl implements Greeter {
        private final Greetings greetings = dev.weft.workflow.Workflow.newActivityStub(Greetings.class);

        @Override
        public String greet(String name) {
            return greetings.compose(name);
        }
    }

    /** The activity's code: runs once per call, on an activity worker. */
    public static final class GreetingsImpl implements Greetings {
        @Override
        public String compose(String name) {
            return "Hello, " + name + "!";
        }
    }

    /**
     * Greets someone through a workflow and waits for the result.
     *
     * @param client the workflow client
     * @param name who
     * @return the greeting
     */
    public static String run(WorkflowClient client, String name) {
        return client.newWorkflowStub(Greeter.class).greet(name);
    }

    public static void main(String[] args) {
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(GreeterImpl.class), List.of(new GreetingsImpl()));
            System.out.println(run(c.client(), args.length > 0 ? args[0] : "World"));
        }
    }
}
