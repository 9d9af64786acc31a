package dev.weft.internal.replay;

import dev.weft.workflow.ActivityFailure;
import dev.weft.workflow.ApplicationFailure;
import dev.weft.workflow.CanceledFailure;
import dev.weft.workflow.ChildWorkflowFailure;
import dev.weft.workflow.RetryOptions;
import dev.weft.workflow.TimeoutFailure;

/** Which failures a retry policy retries. */
final class Retries {
    private Retries() {}

    /**
     * Whether {@code failure} may be retried under {@code policy}: not a cancellation, not a
     * schedule-to-close timeout (the whole budget is spent), and not of a type the policy names.
     */
    static boolean retryable(RetryOptions policy, Throwable failure) {
        Throwable t = failure instanceof ActivityFailure || failure instanceof ChildWorkflowFailure
                ? failure.getCause()
                : failure;
        if (t == null || t instanceof CanceledFailure) {
            return false;
        }
        if (t instanceof TimeoutFailure tf && "SCHEDULE_TO_CLOSE".equals(tf.getTimeoutType())) {
            return false;
        }
        for (String name : policy.getDoNotRetry()) {
            if (isOfType(t, name)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a failure is of the named type or a subtype (for failures rebuilt from SWF too). */
    static boolean isOfType(Throwable t, String name) {
        if (t instanceof ApplicationFailure a) {
            if (name.equals(a.getType())) {
                return true;
            }
            Class<?> remote = load(a.getType());
            Class<?> wanted = load(name);
            return remote != null && wanted != null && wanted.isAssignableFrom(remote);
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String name) {
        try {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            return Class.forName(name, false, l != null ? l : Retries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | IllegalArgumentException e) {
            return null;
        }
    }
}
