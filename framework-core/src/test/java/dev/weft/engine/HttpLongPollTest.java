package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.client.SwfClients;
import dev.weft.internal.engine.Engine;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * Long polls over HTTP: held by the server without a thread each, answered the moment a task
 * arrives, empty when their time is up or the server stops. Time is virtual; nothing sleeps: the
 * tests wait until the engine reports the polls parked.
 */
@Timeout(60)
final class HttpLongPollTest {
    private static EngineTesting testing() {
        return new EngineTesting(
                SwfEngine.builder().virtualTime(T0).pollTimeout(Duration.ofSeconds(60)), EngineTesting.Transport.HTTP);
    }

    private static void awaitWaitingPolls(EngineTesting t, int n) {
        Engine engine = (Engine) t.engine;
        while (engine.waitingPolls() < n) {
            Thread.onSpinWait();
        }
    }

    @Test
    void sdkLongPollWaitsAndIsWokenByANewTask() throws InterruptedException {
        try (EngineTesting t = testing()) {
            AtomicReference<PollForDecisionTaskResponse> answer = new AtomicReference<>();
            Thread poller = new Thread(() -> answer.set(t.pollDecision()));
            poller.start();
            awaitWaitingPolls(t, 1);
            WorkflowExecution run = t.start("w");
            poller.join();
            assertEquals(run, answer.get().workflowExecution());
            assertEquals(3, answer.get().startedEventId());
            assertEquals(T0, t.engine.now(), "no time passed");
        }
    }

    @Test
    void sdkLongPollReturnsAnEmptyTaskWhenItsTimeIsUp() throws InterruptedException {
        try (EngineTesting t = testing()) {
            AtomicReference<String> token = new AtomicReference<>();
            Thread poller = new Thread(() -> token.set(t.pollActivity().taskToken()));
            poller.start();
            awaitWaitingPolls(t, 1);
            t.advance(Duration.ofSeconds(60));
            poller.join();
            assertEquals("", token.get());
        }
    }

    @Test
    void hundredsOfLongPollsWaitWithoutAThreadEach() throws Exception {
        int n = 300;
        try (EngineTesting t = testing()) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            int before = serverThreads();
            List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                polls.add(http.sendAsync(
                        HttpRequest.newBuilder(java.net.URI.create(endpoint(t)))
                                .header("X-Amz-Target", "SimpleWorkflowService.PollForActivityTask")
                                .header("Content-Type", "application/x-amz-json-1.0")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"domain\":\"" + DOMAIN + "\",\"taskList\":{\"name\":\"activities\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            awaitWaitingPolls(t, n);
            int during = serverThreads();
            assertTrue(
                    during - before <= 8,
                    "the server holds " + n + " polls with " + (during - before) + " more threads");

            t.start("w");
            Decision[] activities = new Decision[n];
            for (int i = 0; i < n; i++) {
                activities[i] = EngineTesting.scheduleActivity("a" + i, null);
            }
            t.decide(t.pollDecision(), activities);
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> poll : polls) {
                HttpResponse<String> r = poll.get();
                assertEquals(200, r.statusCode(), r.body());
                ids.add(r.body().replaceAll(".*\"activityId\":\"(a\\d+)\".*", "$1"));
            }
            assertEquals(n, ids.size(), "each poll got its own task");
        }
    }

    @Test
    void stoppingTheServerAnswersWaitingPollsWithEmptyTasks() throws Exception {
        SwfEngine engine = SwfEngine.builder()
                .virtualTime(T0)
                .pollTimeout(Duration.ofSeconds(60))
                .build();
        SwfHttpServer server = SwfHttpServer.start(engine, "127.0.0.1", 0);
        SwfClient swf = SwfClients.forEndpoint(server.endpoint());
        try {
            swf.registerDomain(r -> r.name(DOMAIN).workflowExecutionRetentionPeriodInDays("1"));
            CompletableFuture<String> token = CompletableFuture.supplyAsync(() -> swf.pollForActivityTask(
                            r -> r.domain(DOMAIN).taskList(l -> l.name("q")))
                    .taskToken());
            Engine internal = (Engine) engine;
            while (internal.waitingPolls() < 1) {
                Thread.onSpinWait();
            }
            server.close();
            assertEquals("", token.get());
            assertEquals(0, internal.waitingPolls());
        } finally {
            swf.close();
            server.close();
            engine.close();
        }
    }

    private static String endpoint(EngineTesting t) {
        return t.swf.serviceClientConfiguration()
                .endpointOverride()
                .orElseThrow()
                .toString();
    }

    /** Platform threads the server runs its handlers on (virtual ones, on JDK 21+, cost little). */
    private static int serverThreads() {
        int n = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("weft-http") || thread.getName().startsWith("HTTP-Dispatcher")) {
                n++;
            }
        }
        return n;
    }
}
