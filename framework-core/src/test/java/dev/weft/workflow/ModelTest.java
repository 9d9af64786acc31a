package dev.weft.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Activity;
import dev.weft.annotations.GetState;
import dev.weft.annotations.SignalMethod;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.internal.replay.WorkflowImplementations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misannotated interfaces fail when the stub or registration is made, naming interface and method. */
final class ModelTest {
    private static void assertMessage(String expected, Executable e) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, e);
        assertEquals(expected, thrown.getMessage());
    }

    @Activities(version = "1", startToCloseTimeout = "1m")
    interface Overloaded {
        void pay(String card);

        void pay(String card, int cents);
    }

    @Test
    void overloadedActivityMethodsAreRejected() {
        assertMessage(
                "Activity methods must not be overloaded. Rename one, or set @Activity(name=...).\n"
                        + "    for method Overloaded.pay",
                () -> Workflow.newActivityStub(Overloaded.class));
    }

    @Activities(startToCloseTimeout = "1m")
    interface NoVersion {
        void ship(String order);
    }

    @Test
    void activitiesNeedAVersion() {
        assertMessage(
                "Activity types need a version. Set @Activities(version = ...) on NoVersion, or @Activity(version ="
                        + " ...) on the method.\n    for method NoVersion.ship",
                () -> Workflow.newActivityStub(NoVersion.class));
    }

    @Activities(version = "1")
    interface BadTimeout {
        @Activity(startToCloseTimeout = "5 minutes")
        void ship(String order);
    }

    @Test
    void aTimeoutThatIsNotADurationIsRejected() {
        assertMessage(
                "startToCloseTimeout '5 minutes' has an unknown unit: use s, m, h or d.\n    for method BadTimeout.ship",
                () -> Workflow.newActivityStub(BadTimeout.class));
    }

    @Activities(version = "1")
    interface NoStartToClose {
        void ship(String order);
    }

    @Test
    void activitiesNeedAStartToCloseTimeout() {
        assertMessage(
                "Activities need a start-to-close timeout: how long a worker may take. Set @Activities(startToCloseTimeout"
                        + " = \"...\") or @Activity(startToCloseTimeout = \"...\").\n    for method NoStartToClose.ship",
                () -> Workflow.newActivityStub(NoStartToClose.class));
    }

    @Activities(version = "1", startToCloseTimeout = "1m")
    interface TwoRetries {
        @dev.weft.annotations.Activity(
                retry = {
                    @dev.weft.annotations.Retry(maximumAttempts = 3),
                    @dev.weft.annotations.Retry(maximumAttempts = 5)
                })
        void ship(String order);
    }

    @Test
    void anActivityTakesAtMostOneRetryPolicy() {
        assertMessage(
                "@Activity(retry = ...) takes at most one @Retry, but 2 are given. Keep the one policy this method"
                        + " retries under.\n    for method TwoRetries.ship",
                () -> Workflow.newActivityStub(TwoRetries.class));
    }

    @Activities(version = "1", startToCloseTimeout = "1m")
    abstract static class NotAnInterface {
        abstract void ship(String order);
    }

    @Test
    void activitiesMustBeAnInterface() {
        assertMessage(
                "Activities must be declared by an interface annotated @Activities, and NotAnInterface is a class."
                        + " Declare an interface and implement it.\n    for class "
                        + NotAnInterface.class.getName(),
                () -> Workflow.newActivityStub(NotAnInterface.class));
    }

    @Activities(version = "1", startToCloseTimeout = "1m", taskList = "bad:list")
    interface BadTaskList {
        void ship(String order);
    }

    @Test
    void aTaskListSwfWouldRefuseIsRejected() {
        assertMessage(
                "The task list 'bad:list' must not contain ':', '/', '|' or control characters, as SWF requires.\n"
                        + "    for method BadTaskList.ship",
                () -> Workflow.newActivityStub(BadTaskList.class));
    }

    @dev.weft.annotations.Workflow(version = "1")
    interface NoEntry {
        @SignalMethod
        void go();
    }

    @Test
    void aWorkflowNeedsAnEntryMethod() {
        assertMessage(
                "A @Workflow interface needs one method annotated @WorkflowMethod: the entry point.\n    for interface "
                        + NoEntry.class.getName(),
                () -> Workflow.newChildWorkflowStub(NoEntry.class));
    }

    @dev.weft.annotations.Workflow(version = "1")
    interface TwoEntries {
        @WorkflowMethod
        void a();

        @WorkflowMethod
        void b();
    }

    @Test
    void aWorkflowHasOneEntryMethod() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Workflow.newChildWorkflowStub(TwoEntries.class));
        assertEquals(true, e.getMessage().startsWith("A workflow has one @WorkflowMethod, and TwoEntries has two"));
    }

    @dev.weft.annotations.Workflow(version = "1")
    interface SignalReturns {
        @WorkflowMethod
        void run();

        @SignalMethod
        String poke();
    }

    @Test
    void signalMethodsReturnVoid() {
        assertMessage(
                "Signal methods must return void: a signal gets no answer.\n    for method SignalReturns.poke",
                () -> Workflow.newChildWorkflowStub(SignalReturns.class));
    }

    @dev.weft.annotations.Workflow
    interface Unversioned {
        @WorkflowMethod
        void run();
    }

    @Test
    void workflowsNeedAVersion() {
        assertMessage(
                "Workflow types need a version. Set @Workflow(version = ...) on Unversioned.\n    for method"
                        + " Unversioned.run",
                () -> Workflow.newChildWorkflowStub(Unversioned.class));
    }

    @dev.weft.annotations.Workflow(version = "1")
    interface Unannotated {
        @WorkflowMethod
        void run();

        void helper();
    }

    @Test
    void everyWorkflowMethodIsAnnotated() {
        assertMessage(
                "Every method of a @Workflow interface is the @WorkflowMethod, a @SignalMethod or the @GetState method."
                        + " Annotate it, or make it a default method.\n    for method Unannotated.helper",
                () -> Workflow.newChildWorkflowStub(Unannotated.class));
    }

    @dev.weft.annotations.Workflow(version = "1")
    interface StateWithArgument {
        @WorkflowMethod
        void run();

        @GetState
        String state(int x);
    }

    @Test
    void theStateMethodTakesNoParameters() {
        assertMessage(
                "The @GetState method takes no parameters and returns the state.\n    for method StateWithArgument.state",
                () -> Workflow.newChildWorkflowStub(StateWithArgument.class));
    }

    @dev.weft.annotations.Workflow(version = "1", executionStartToCloseTimeout = "forever")
    interface BadExecutionTimeout {
        @WorkflowMethod
        void run();
    }

    @Test
    void aWorkflowTimeoutThatIsNotADurationIsRejected() {
        assertMessage(
                "@Workflow executionStartToCloseTimeout 'forever' is not a duration: write \"90s\", \"15m\", \"2h\","
                        + " \"7d\", \"PT1H30M\" or \"NONE\".\n    for method BadExecutionTimeout.run",
                () -> Workflow.newChildWorkflowStub(BadExecutionTimeout.class));
    }

    @dev.weft.annotations.Workflow(version = "1")
    public interface Good {
        @WorkflowMethod
        void run();
    }

    public static final class NoDefaultConstructor implements Good {
        public NoDefaultConstructor(String x) {}

        @Override
        public void run() {}
    }

    @Test
    void implementationsNeedAConstructorWithoutParameters() {
        assertMessage(
                "A workflow implementation needs a constructor without parameters: the decider makes a new instance for"
                        + " every run.\n    for class " + NoDefaultConstructor.class.getName(),
                () -> new WorkflowImplementations().add(NoDefaultConstructor.class));
    }

    public static final class NotAWorkflow implements Runnable {
        @Override
        public void run() {}
    }

    @Test
    void implementationsImplementAWorkflowInterface() {
        assertMessage(
                "A workflow implementation must implement an interface annotated @Workflow.\n    for class "
                        + NotAWorkflow.class.getName(),
                () -> new WorkflowImplementations().add(NotAWorkflow.class));
    }

    @Test
    void workflowApiCallsOutsideWorkflowCodeAreRejected() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Workflow.sleep(java.time.Duration.ofSeconds(1)));
        assertEquals(
                "Workflow.sleep must be called from workflow code, on the thread the decider runs it on. Outside a"
                        + " workflow use the workflow client; in an activity use the activity context.",
                e.getMessage());
    }

    @Test
    void stubsAnswerToStringAndAreCachedPerInterface() {
        Good a = Workflow.newChildWorkflowStub(Good.class);
        Good b = Workflow.newChildWorkflowStub(Good.class);
        assertEquals("ChildWorkflowStub[Good/1]", a.toString());
        assertEquals(a.getClass(), b.getClass(), "one generated class per interface");
        assertEquals(false, a.equals(b));
    }
}
