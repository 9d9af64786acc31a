package dev.weft.engine;

import org.junit.jupiter.api.Test;

final class SmokeTest {
    @Test
    void prints() {
        try (EngineTesting t = new EngineTesting()) {
            var run = t.start("w1");
            var dt = t.decisionTask();
            t.decide(dt, EngineTesting.scheduleActivity("a1", "x"), EngineTesting.startTimer("t1", "10"));
            var at = t.activityTask();
            t.swf.respondActivityTaskCompleted(r -> r.taskToken(at.taskToken()).result("done"));
            t.advance(java.time.Duration.ofSeconds(10));
            var dt2 = t.decisionTask();
            t.decide(dt2, EngineTesting.complete("ok"));
            t.rendered(run).forEach(System.out::println);
            System.out.println(t.swf.describeWorkflowExecution(
                    r -> r.domain(EngineTesting.DOMAIN).execution(run)));
        }
    }
}
