package dev.weft.samples.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.client.StepNotFoundException;
import dev.weft.client.WorkflowClient;
import dev.weft.client.WorkflowFailedException;
import dev.weft.client.WorkflowStub;
import dev.weft.samples.approval.ImagePipeline.Release;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

@Timeout(60)
final class ImagePipelineSampleTest {
    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(ImagePipelineSample.TASK_LIST)
            .workflows(ImagePipelineImpl.class)
            .activities(new SimulatedImageBuilder())
            .startTime(Instant.parse("2026-12-01T09:00:00Z"))
            .build();

    private WorkflowClient client;
    private TestWorkflowEnvironment env;

    @BeforeEach
    void setUp(TestWorkflowEnvironment env) {
        this.env = env;
        this.client = env.getWorkflowClient();
    }

    @Test
    void anApprovedImageIsDistributedToEveryRegion() throws Exception {
        Release r = ImagePipelineSample.approve(client, ImagePipelineSample.recipe("web"), "CHG-1", line -> {});
        assertEquals(
                new Release(
                        "img-web-2026-12-1",
                        Map.of("us-east-1", "img-web-2026-12-1.us-east-1", "eu-west-1", "img-web-2026-12-1.eu-west-1"),
                        "CHG-1"),
                r);
        WorkflowExecution run = latestRun("build-web-2026.12.1");
        assertEquals(
                List.of(
                        "scheduled ImageBuilder.buildImage",
                        "scheduled ImageBuilder.testImage",
                        "signaled weft-step-action",
                        "scheduled ImageBuilder.distribute",
                        "scheduled ImageBuilder.distribute",
                        "completed"),
                milestones(run),
                "built, tested, approved, then copied to both regions at once");
        assertEquals(
                new ImagePipeline.Progress(
                        "distributed", "img-web-2026-12-1", new ImagePipeline.TestReport(12, 0, List.of())),
                client.newUntypedStub(run.workflowId(), null).getState(ImagePipeline.Progress.class));
    }

    @Test
    void aStoppedPipelineFailsWithTheApproversReason() {
        WorkflowFailedException e = assertThrows(
                WorkflowFailedException.class,
                () -> ImagePipelineSample.stop(client, ImagePipelineSample.recipe("web"), "not this week", line -> {}));
        assertEquals("Stopped", e.getReason());
        assertEquals(
                "Distribution of image img-web-2026-12-1 was stopped: not this week",
                e.getCause().getMessage());
        assertEquals(
                List.of(
                        "scheduled ImageBuilder.buildImage",
                        "scheduled ImageBuilder.testImage",
                        "signaled weft-step-action",
                        "failed"),
                milestones(e.getExecution()));
    }

    @Test
    void anImageThatFailsItsTestsNeverWaitsForApproval() {
        StepNotFoundException e = assertThrows(
                StepNotFoundException.class,
                () -> ImagePipelineSample.approve(client, ImagePipelineSample.recipe("broken"), "CHG-2", line -> {}));
        WorkflowExecution run = latestRun("build-broken-2026.12.1");
        assertEquals(
                "Execution build-broken-2026.12.1/" + run.runId()
                        + " closed (FAILED) without step 'approve-distribution' waiting for an action",
                e.getMessage());
        WorkflowFailedException failed = assertThrows(
                WorkflowFailedException.class,
                () -> client.newUntypedStub(run.workflowId(), null).getResult(Release.class));
        assertEquals("TestsFailed", failed.getReason());
        assertEquals(
                "Image img-broken-2026-12-1 failed 1 test(s): [boots: kernel panic]",
                failed.getCause().getMessage());
    }

    @Test
    void withNoAnswerForThreeDaysThePipelineGivesUp() throws Exception {
        ImagePipeline typed = client.newWorkflowStub(ImagePipeline.class);
        WorkflowExecution run = WorkflowClient.start(typed::build, ImagePipelineSample.recipe("web"));
        WorkflowStub pipeline = WorkflowClient.toUntyped(typed);
        pipeline.awaitWaitingStep(ImagePipeline.APPROVAL_STEP, Duration.ofSeconds(30));
        env.sleep(ImagePipelineImpl.APPROVAL_TIMEOUT.minusSeconds(1));
        assertEquals(List.of(ImagePipeline.APPROVAL_STEP), pipeline.getWaitingSteps(), "still waiting");
        WorkflowFailedException e =
                assertThrows(WorkflowFailedException.class, () -> pipeline.getResult(Release.class));
        assertEquals("ApprovalTimedOut", e.getReason());
        assertEquals(
                "Nobody approved image img-web-2026-12-1 within 3 days",
                e.getCause().getMessage());
        assertEquals(Instant.parse("2026-12-04T09:00:00Z"), env.currentTime(), "three days later, to the second");
        HistoryAssert.assertThat(env.getHistory(run))
                .hasActivityScheduled("ImageBuilder.buildImage")
                .hasActivityCompleted("ImageBuilder.testImage", new ImagePipeline.TestReport(12, 0, List.of()))
                .hasTimerStarted(ImagePipelineImpl.APPROVAL_TIMEOUT)
                .hasNo(EventType.WORKFLOW_EXECUTION_SIGNALED)
                .failedWith("ApprovalTimedOut");
    }

    private WorkflowExecution latestRun(String workflowId) {
        return client.newUntypedStub(workflowId, null)
                .describe()
                .executionInfo()
                .execution();
    }

    /** The events that tell the pipeline's story, in order. */
    private List<String> milestones(WorkflowExecution run) {
        return client.history(run).stream()
                .map(ImagePipelineSampleTest::milestone)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static String milestone(HistoryEvent e) {
        EventType t = e.eventType();
        return switch (t) {
            case ACTIVITY_TASK_SCHEDULED ->
                "scheduled "
                        + e.activityTaskScheduledEventAttributes()
                                .activityType()
                                .name();
            case WORKFLOW_EXECUTION_SIGNALED ->
                "signaled " + e.workflowExecutionSignaledEventAttributes().signalName();
            case TIMER_FIRED -> "timer fired";
            case WORKFLOW_EXECUTION_COMPLETED -> "completed";
            case WORKFLOW_EXECUTION_FAILED -> "failed";
            default -> "";
        };
    }
}
