package dev.weft.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.client.WorkflowClient;
import dev.weft.testing.HistoryAssert;
import dev.weft.testing.TestWorkflowEnvironment;
import dev.weft.testing.WeftExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class HelloSampleTest {
    @RegisterExtension
    final WeftExtension weft = WeftExtension.newBuilder()
            .taskList(HelloSample.TASK_LIST)
            .workflows(HelloSample.GreeterImpl.class)
            .activities(new HelloSample.GreetingsImpl())
            .build();

    @Test
    void greetsThroughOneActivity(WorkflowClient client, TestWorkflowEnvironment env) {
        assertEquals("Hello, Ada!", HelloSample.run(client, "Ada"));
        HistoryAssert.assertThat(env.getHistory(env.getExecutions().get(0)))
                .hasActivityScheduled("Greetings.compose", "Ada")
                .completedWith("Hello, Ada!");
    }
}
