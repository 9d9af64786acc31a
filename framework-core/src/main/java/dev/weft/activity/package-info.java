/**
 * The API of activity implementations: {@link dev.weft.activity.Activity#getExecutionContext()}
 * for the running task (its ids, heartbeats, manual completion), the exceptions a heartbeat
 * throws when the task was canceled or is gone, and {@link
 * dev.weft.activity.ActivityCompletionClient} to complete a task later, from anywhere.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.weft.activity;
