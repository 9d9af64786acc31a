package dev.weft.internal.replay;

import dev.weft.workflow.ContinueAsNewOptions;

/**
 * Thrown by {@code Workflow.continueAsNew} to unwind the main method; the run then closes with a
 * ContinueAsNewWorkflowExecution decision. An {@link Error}, so that workflow code catching {@code
 * Exception} does not swallow it.
 */
final class ContinueAsNewRequest extends Error {
    private static final long serialVersionUID = 1L;

    final transient ContinueAsNewOptions options;
    final String input;

    ContinueAsNewRequest(ContinueAsNewOptions options, String input) {
        super("continue as new", null, false, false);
        this.options = options;
        this.input = input;
    }
}
