package dev.weft.testing;

import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * How one history replayed.
 *
 * @param name the history's name: its file name without {@code .json}, or its workflow id
 * @param type the workflow type the history started
 * @param events how many events it has
 * @param failure why it did not replay (a {@link ReplayFailedException}), or null if it did
 */
public record ReplayResult(String name, WorkflowType type, int events, ReplayFailedException failure) {
    /**
     * Whether the history replayed.
     *
     * @return true if the current code made the decisions the history records
     */
    public boolean succeeded() {
        return failure == null;
    }
}
