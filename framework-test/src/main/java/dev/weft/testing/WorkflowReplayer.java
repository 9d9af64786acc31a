package dev.weft.testing;

import dev.weft.client.Histories;
import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.ReplayDecider;
import dev.weft.internal.replay.WorkflowImplementations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * Replays recorded histories on the current workflow classes, to show that changed code still
 * makes the decisions that running executions recorded. Histories are read in the JSON that
 * {@code aws swf get-workflow-execution-history} prints, which is also what {@code
 * WorkflowClient.exportHistory} writes.
 *
 * <p>Keep a folder of production histories and replay it in CI, one dynamic test per history:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> productionHistoriesReplay() {
 *     return WorkflowReplayer.of(OrderWorkflowImpl.class, ShipmentWorkflowImpl.class)
 *             .dynamicTests(Path.of("src/test/resources/histories"));
 * }
 * }</pre>
 *
 * <p>A history names its workflow type but not its workflow id; a history read from a file is
 * replayed as workflow id {@code <file name without .json>}, which matters only to code that
 * decides by its own id. Replay runs no activity and no local activity: their results come from
 * the history.
 */
public final class WorkflowReplayer {
    private final List<Class<?>> implementations;
    private final DataConverter converter;

    private WorkflowReplayer(List<Class<?>> implementations, DataConverter converter) {
        this.implementations = implementations;
        this.converter = converter;
    }

    /**
     * A replayer for these workflow implementation classes, with the default data converter.
     *
     * @param workflowImplementations classes implementing {@code @Workflow} interfaces
     * @return the replayer
     * @throws IllegalArgumentException if a class implements no {@code @Workflow} interface
     */
    public static WorkflowReplayer of(Class<?>... workflowImplementations) {
        List<Class<?>> list = List.of(workflowImplementations);
        new WorkflowImplementations().add(workflowImplementations); // Fails now on a class that is not one.
        return new WorkflowReplayer(list, JacksonDataConverter.create());
    }

    /**
     * This replayer with another data converter: the one the workers that recorded the histories
     * used.
     *
     * @param converter the converter
     * @return a new replayer
     */
    public WorkflowReplayer withDataConverter(DataConverter converter) {
        return new WorkflowReplayer(implementations, Objects.requireNonNull(converter, "converter"));
    }

    /**
     * Replays one history.
     *
     * @param execution the execution it belongs to (its workflow id is what the code sees)
     * @param history its events, from the first
     * @throws ReplayFailedException if the code decides otherwise than the history records
     */
    public void replay(WorkflowExecution execution, List<HistoryEvent> history) {
        ReplayResult r = tryReplay(execution.workflowId(), execution, history);
        if (!r.succeeded()) {
            throw r.failure();
        }
    }

    /**
     * Replays the history in a file.
     *
     * @param historyFile a history in the CLI's JSON
     * @throws ReplayFailedException if the code decides otherwise than the history records
     * @throws UncheckedIOException if the file cannot be read
     */
    public void replay(Path historyFile) {
        ReplayResult r = replayFile(historyFile);
        if (!r.succeeded()) {
            throw r.failure();
        }
    }

    /**
     * Replays one history and reports how it went, without throwing.
     *
     * @param name what to call the history in reports
     * @param execution the execution it belongs to
     * @param history its events, from the first
     * @return the result
     * @throws IllegalArgumentException if the history does not begin with WorkflowExecutionStarted
     */
    public ReplayResult tryReplay(String name, WorkflowExecution execution, List<HistoryEvent> history) {
        if (history.isEmpty() || history.get(0).eventType() != EventType.WORKFLOW_EXECUTION_STARTED) {
            throw new IllegalArgumentException("History " + name + " does not begin with WorkflowExecutionStarted"
                    + (history.isEmpty()
                            ? " (it is empty)"
                            : " (it begins with " + history.get(0).eventTypeAsString() + ")"));
        }
        WorkflowType type =
                history.get(0).workflowExecutionStartedEventAttributes().workflowType();
        WorkflowImplementations impls = new WorkflowImplementations().add(implementations.toArray(new Class<?>[0]));
        try (ReplayDecider decider =
                new ReplayDecider(impls, DeciderOptions.DEFAULT.withConverter(converter), "replay")) {
            decider.decide(new ReplayDecider.DecisionTask(execution, type, -1, 0, history));
            return new ReplayResult(name, type, history.size(), null);
        } catch (RuntimeException e) {
            String message = "History " + name + " (" + type.name() + "/" + type.version() + ", " + history.size()
                    + " events) did not replay: " + e.getMessage();
            return new ReplayResult(name, type, history.size(), new ReplayFailedException(name, message, e));
        }
    }

    /**
     * Replays every {@code *.json} file in a folder (not its subfolders), in name order, and
     * reports each.
     *
     * @param folder the folder
     * @return one result per history
     * @throws UncheckedIOException if the folder or a file cannot be read
     */
    public List<ReplayResult> replayAll(Path folder) {
        List<ReplayResult> results = new ArrayList<>();
        for (Path f : historyFiles(folder)) {
            results.add(replayFile(f));
        }
        return results;
    }

    /**
     * Replays every {@code *.json} file in a folder, in name order, stopping at the first that
     * does not replay.
     *
     * @param folder the folder
     * @return how many histories replayed
     * @throws ReplayFailedException for the first history that does not replay
     */
    public int replayAllFailFast(Path folder) {
        int n = 0;
        for (Path f : historyFiles(folder)) {
            replay(f);
            n++;
        }
        return n;
    }

    /**
     * One JUnit dynamic test per {@code *.json} file in a folder, named after the file; each
     * fails with the replay's report.
     *
     * @param folder the folder
     * @return the tests
     */
    public Stream<DynamicTest> dynamicTests(Path folder) {
        return historyFiles(folder).stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> replay(f)));
    }

    private ReplayResult replayFile(Path f) {
        List<HistoryEvent> events;
        try {
            events = Histories.read(f);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read history " + f, e);
        }
        String name = f.getFileName().toString().replaceFirst("\\.json$", "");
        WorkflowExecution run =
                WorkflowExecution.builder().workflowId(name).runId("replayed").build();
        return tryReplay(name, run, events);
    }

    private static List<Path> historyFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(
                    new IOException("No folder " + folder.toAbsolutePath() + " to replay histories from"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
