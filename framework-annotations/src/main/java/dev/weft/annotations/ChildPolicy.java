package dev.weft.annotations;

/**
 * SWF's child policies, plus {@link #UNSET} for annotation defaults.
 */
public enum ChildPolicy {
    /** Not set in the annotation: the framework's default applies. */
    UNSET,
    /** Children are terminated. */
    TERMINATE,
    /** Children are asked to cancel (a WorkflowExecutionCancelRequested event in their history). */
    REQUEST_CANCEL,
    /** Children are left running. */
    ABANDON
}
