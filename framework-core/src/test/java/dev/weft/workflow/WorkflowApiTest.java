package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotations.Activities;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** The smaller parts of the workflow API: info, replay awareness, promises, procedures, generic data, child retries. */
final class WorkflowApiTest {
    public record Item(String sku, int quantity) {}

    @Activities(version = "1", startToCloseTimeout = "1m")
    public interface Store {
        Map<String, List<Item>> group(List<Item> items);

        void audit(String what);
    }

    public static final class StoreImpl implements Store {
        final List<String> audits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Map<String, List<Item>> group(List<Item> items) {
            return Map.of("all", items, "first", List.of(items.get(0)));
        }

        @Override
        public void audit(String what) {
            audits.add(what);
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1d", taskList = "api")
    public interface Api {
        @WorkflowMethod
        String run(List<Item> items);

        @SignalMethod
        void approve(String who);
    }

    static final List<String> REPLAYING = Collections.synchronizedList(new ArrayList<>());

    public static final class ApiImpl implements Api {
        private final Store store = Workflow.newActivityStub(Store.class);
        private final Logger log = Workflow.getLogger(ApiImpl.class);
        private final CompletablePromise<String> approval = Workflow.newPromise();

        @Override
        public String run(List<Item> items) {
            REPLAYING.add("start " + Workflow.isReplaying() + " " + log.isErrorEnabled());
            Map<String, List<Item>> groups = store.group(items);
            Promise<Void> audited =
                    Async.procedure(store::audit, "grouped " + groups.get("all").size());
            String who = approval.get();
            audited.get();
            REPLAYING.add("end " + Workflow.isReplaying() + " " + log.isErrorEnabled());
            WorkflowInfo info = Workflow.getInfo();
            return groups.get("first").get(0).sku() + " approved by " + who + " in " + info.getWorkflowType() + "/"
                    + info.getWorkflowTypeVersion() + " on " + info.getTaskList() + " of " + info.getDomain();
        }

        @Override
        public void approve(String who) {
            approval.complete(who);
        }
    }

    @Test
    void genericDataPromisesProceduresAndReplayAwareness() {
        REPLAYING.clear();
        StoreImpl store = new StoreImpl();
        try (WorkflowTesting t = new WorkflowTesting().workflows(ApiImpl.class).activities(store)) {
            t.checkReplay = false;
            WorkflowExecution run = t.start(Api.class, "api", List.of(new Item("kiwi", 2), new Item("fig", 1)));
            t.run(Duration.ZERO);
            t.signal(run, "approve", "ada");
            t.run();
            assertEquals("kiwi approved by ada in Api/1 on api of weft-test", t.result(run, String.class));
            assertEquals(List.of("grouped 2"), store.audits);
            assertEquals(List.of("start false true", "end false true"), REPLAYING);
        }
        REPLAYING.clear();
    }

    @Test
    void aFreshDeciderSeesItselfReplayingUntilTheCurrentDecision() {
        REPLAYING.clear();
        try (WorkflowTesting t = new WorkflowTesting().workflows(ApiImpl.class).activities(new StoreImpl())) {
            WorkflowExecution run = t.start(Api.class, "api2", List.of(new Item("kiwi", 2)));
            t.run(Duration.ZERO);
            t.signal(run, "approve", "bob");
            t.run();
            assertTrue(REPLAYING.contains("start true false"), "the logger is silent while replaying: " + REPLAYING);
            assertTrue(REPLAYING.contains("end false true"), REPLAYING.toString());
        }
        REPLAYING.clear();
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1h")
    public interface Flaky {
        @WorkflowMethod
        int attempt(int failUntil);
    }

    static final AtomicInteger CHILD_RUNS = new AtomicInteger();

    public static final class FlakyImpl implements Flaky {
        @Override
        public int attempt(int failUntil) {
            if (!Workflow.isReplaying()) {
                CHILD_RUNS.incrementAndGet();
            }
            Workflow.sleep(Duration.ofSeconds(1));
            if (Workflow.getInfo().getStartTime().toEpochMilli() - WorkflowTesting.T0.toEpochMilli()
                    < failUntil * 1000L) {
                throw ApplicationFailure.newFailure("not yet", "NotYet");
            }
            return failUntil;
        }
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "1h")
    public interface Parent {
        @WorkflowMethod
        String run();
    }

    public static final class ParentImpl implements Parent {
        @Override
        public String run() {
            Flaky child = Workflow.newChildWorkflowStub(
                    Flaky.class,
                    ChildWorkflowOptions.newBuilder()
                            .workflowId("flaky-child")
                            .retryOptions(RetryOptions.newBuilder()
                                    .initialInterval(Duration.ofSeconds(5))
                                    .maximumAttempts(5)
                                    .build())
                            .build());
            return "child returned " + child.attempt(10);
        }
    }

    @Test
    void aFailedChildIsStartedAgainUnderItsRetryPolicy() {
        CHILD_RUNS.set(0);
        try (WorkflowTesting t = new WorkflowTesting().workflows(ParentImpl.class, FlakyImpl.class)) {
            WorkflowExecution run = t.start(Parent.class, "parent");
            t.run();
            assertEquals("child returned 10", t.result(run, String.class));
            assertEquals(
                    List.of("weft-retry-1.2 5s", "weft-retry-1.3 10s"),
                    t.events(run, EventType.TIMER_STARTED).stream()
                            .map(e -> WorkflowTesting.compact(e).replaceFirst("^\\d+ TimerStarted ", ""))
                            .toList(),
                    "children started at 0 s and 6 s failed; the one at 17 s did not");
            assertEquals(
                    3,
                    t.events(run, EventType.START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                            .size());
        }
    }
}
