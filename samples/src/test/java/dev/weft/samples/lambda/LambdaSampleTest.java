package dev.weft.samples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.swf.model.EventType;

final class LambdaSampleTest {
    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(LambdaSample.TASK_LIST)
            .workflows(LambdaSample.ThumbnailsImpl.class)
            .build();

    @BeforeEach
    void registerTheFunction(TestWorkflowEnvironment env) {
        env.getEngine().registerLambdaFunction(LambdaSample.FUNCTION, LambdaSample.THUMBNAIL_SIZE);
    }

    @Test
    void theFunctionRunsAsALambdaTask(WorkflowClient client, TestWorkflowEnvironment env) {
        assertEquals(new LambdaSample.Size(128, 72), LambdaSample.run(client, new LambdaSample.Size(1920, 1080)));
        HistoryAssert.assertThat(env.getHistory(env.getExecutions().get(0)))
                .hasInOrder(EventType.LAMBDA_FUNCTION_SCHEDULED, EventType.LAMBDA_FUNCTION_COMPLETED)
                .hasNo(EventType.ACTIVITY_TASK_SCHEDULED);
    }
}
