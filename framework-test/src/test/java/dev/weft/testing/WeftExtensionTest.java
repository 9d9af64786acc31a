package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.weft.client.WorkflowClient;
import dev.weft.engine.SwfEngine;
import dev.weft.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/** The extension as a user meets it: declared workflows and mocks, parameters, virtual time. */
@Timeout(60)
final class WeftExtensionTest {
    final Flows.Steps steps = mock(Flows.Steps.class);

    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .workflows(Flows.SleeperImpl.class, Flows.RoundsImpl.class)
            .activities(steps)
            .build();

    @Test
    void aOneHourTimerTakesVirtualTimeOnly(Flows.Sleeper sleeper, TestWorkflowEnvironment env) {
        long wall = System.nanoTime();
        assertEquals("slept 3600s", sleeper.sleep(3600));
        System.out.println("one-hour timer test: " + (System.nanoTime() - wall) / 1_000_000 + " ms of wall time");
        assertEquals(TestWorkflowEnvironment.DEFAULT_START.plus(Duration.ofHours(1)), env.currentTime());
        WorkflowExecution run = WorkflowClient.toUntyped(sleeper).getExecution();
        HistoryAssert.assertThat(env.getHistory(run))
                .hasTimerStarted(Duration.ofHours(1))
                .hasInOrder(EventType.TIMER_STARTED, EventType.TIMER_FIRED, EventType.WORKFLOW_EXECUTION_COMPLETED)
                .completedWith("slept 3600s");
    }

    @Test
    void mockActivitiesAnswerAndAreVerified(Flows.Rounds rounds) {
        when(steps.step(anyString())).thenAnswer(call -> "did " + call.getArgument(0));
        assertEquals(List.of("did round 1", "did round 2", "did round 3"), rounds.run());
        InOrder order = inOrder(steps);
        order.verify(steps).step("round 1");
        order.verify(steps).step("round 2");
        order.verify(steps).step("round 3");
        verifyNoMoreInteractions(steps);
    }

    @Test
    void everyParameterComesFromTheTestsOwnEnvironment(
            TestWorkflowEnvironment env, WorkflowClient client, SwfEngine engine, Worker worker) {
        assertSame(env, weft.getTestEnvironment());
        assertSame(env.getWorkflowClient(), client);
        assertSame(env.getEngine(), engine);
        assertEquals(List.of("test", worker.getStickyTaskList()), worker.getDecisionTaskLists());
        assertEquals(List.of("test"), worker.getActivityTaskLists());
    }

    @Test
    void eachTestStartsFromTheSameInstant(TestWorkflowEnvironment env) {
        assertEquals(TestWorkflowEnvironment.DEFAULT_START, env.currentTime());
        assertEquals(List.of(), env.getExecutions(), "no executions carried over from other tests");
    }
}
