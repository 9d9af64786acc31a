/**
 * The API of workflow code: {@link dev.weft.workflow.Workflow}'s static methods (activity, child
 * and external workflow stubs, timers, {@code await}, deterministic time and randomness, side
 * effects, versioning, continue-as-new), {@link dev.weft.workflow.Promise}s and {@link
 * dev.weft.workflow.Async} for parallel branches, {@link dev.weft.workflow.CancellationScope}, the
 * {@link dev.weft.workflow.Saga} helper, options, and the failures workflow code sees.
 *
 * <p>Everything here must be called from workflow code, on the threads the decider runs it on;
 * called elsewhere it throws {@link java.lang.IllegalStateException}. Parameters and return values
 * are non-null unless documented otherwise.
 */
package dev.weft.workflow;
