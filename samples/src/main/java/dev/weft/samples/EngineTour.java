package dev.weft.samples;

import dev.weft.engine.SwfEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * A tour of the embedded SWF engine, driven with plain {@link SwfClient} calls: a decider thread
 * and an activity worker thread run greeting workflows (one activity each) while the main thread
 * starts them and prints their results and one history.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests} from the repository root.
 */
public final class EngineTour {
    static final String DOMAIN = "tour";
    static final WorkflowType GREETING =
            WorkflowType.builder().name("Greeting").version("1").build();
    static final ActivityType GREET =
            ActivityType.builder().name("greet").version("1").build();

    private EngineTour() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> names = args.length > 0 ? List.of(args) : List.of("Ada", "Grace", "Barbara");
        try (SwfEngine swf = SwfEngine.builder().build()) {
            Map<String, String> results = run(swf, names);
            names.forEach(n -> System.out.println("greeting-" + n + " -> " + results.get("greeting-" + n)));
        }
    }

    /** Runs one greeting workflow per name and returns each workflow id's result. */
    static Map<String, String> run(SwfClient swf, List<String> names) throws InterruptedException {
        register(swf);
        Map<String, String> results = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(names.size());
        Thread decider = new Thread(() -> decide(swf, results, done), "tour-decider");
        Thread worker = new Thread(() -> work(swf), "tour-worker");
        decider.setDaemon(true);
        worker.setDaemon(true);
        decider.start();
        worker.start();

        List<WorkflowExecution> runs = new ArrayList<>();
        for (String name : names) {
            String runId = swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                            .workflowId("greeting-" + name)
                            .workflowType(GREETING)
                            .input(name))
                    .runId();
            runs.add(WorkflowExecution.builder()
                    .workflowId("greeting-" + name)
                    .runId(runId)
                    .build());
            System.out.println("started greeting-" + name);
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workflows did not finish within 30 seconds");
        }
        System.out.println("history of " + runs.get(0).workflowId() + ":");
        for (HistoryEvent e : swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(runs.get(0)))
                .events()) {
            System.out.println("  " + e.eventId() + " " + e.eventTypeAsString());
        }
        return results;
    }

    private static void register(SwfClient swf) {
        swf.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
        swf.registerWorkflowType(r -> r.domain(DOMAIN)
                .name(GREETING.name())
                .version(GREETING.version())
                .defaultTaskList(t -> t.name("decisions"))
                .defaultExecutionStartToCloseTimeout("300")
                .defaultTaskStartToCloseTimeout("30")
                .defaultChildPolicy(ChildPolicy.TERMINATE));
        swf.registerActivityType(r -> r.domain(DOMAIN)
                .name(GREET.name())
                .version(GREET.version())
                .defaultTaskList(t -> t.name("activities"))
                .defaultTaskScheduleToStartTimeout("60")
                .defaultTaskScheduleToCloseTimeout("120")
                .defaultTaskStartToCloseTimeout("60")
                .defaultTaskHeartbeatTimeout("NONE"));
    }

    /** A decider: schedule the greeting, then complete with its result. */
    private static void decide(SwfClient swf, Map<String, String> results, CountDownLatch done) {
        while (done.getCount() > 0) {
            PollForDecisionTaskResponse task = swf.pollForDecisionTask(
                    r -> r.domain(DOMAIN).taskList(t -> t.name("decisions")).identity("tour-decider"));
            if (task.taskToken().isEmpty()) {
                continue;
            }
            String input = null;
            String result = null;
            for (HistoryEvent e : task.events()) {
                if (e.eventType() == EventType.WORKFLOW_EXECUTION_STARTED) {
                    input = e.workflowExecutionStartedEventAttributes().input();
                } else if (e.eventType() == EventType.ACTIVITY_TASK_COMPLETED) {
                    result = e.activityTaskCompletedEventAttributes().result();
                }
            }
            Decision decision;
            if (result == null) {
                String in = input;
                decision = Decision.builder()
                        .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                        .scheduleActivityTaskDecisionAttributes(
                                a -> a.activityType(GREET).activityId("greet").input(in))
                        .build();
            } else {
                String out = result;
                decision = Decision.builder()
                        .decisionType(DecisionType.COMPLETE_WORKFLOW_EXECUTION)
                        .completeWorkflowExecutionDecisionAttributes(a -> a.result(out))
                        .build();
                results.put(task.workflowExecution().workflowId(), result);
            }
            swf.respondDecisionTaskCompleted(r -> r.taskToken(task.taskToken()).decisions(decision));
            if (result != null) {
                done.countDown();
            }
        }
    }

    /** An activity worker: greet(name) = "Hello, name!". */
    private static void work(SwfClient swf) {
        while (true) {
            PollForActivityTaskResponse task;
            try {
                task = swf.pollForActivityTask(r ->
                        r.domain(DOMAIN).taskList(t -> t.name("activities")).identity("tour-worker"));
            } catch (IllegalStateException closed) {
                return;
            }
            if (task.taskToken().isEmpty()) {
                continue;
            }
            swf.respondActivityTaskCompleted(r -> r.taskToken(task.taskToken()).result("Hello, " + task.input() + "!"));
        }
    }
}
