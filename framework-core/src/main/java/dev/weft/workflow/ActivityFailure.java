package dev.weft.workflow;

/**
 * An activity failed, timed out or was canceled. The cause says which: the activity's own
 * exception (or an {@link ApplicationFailure}), a {@link TimeoutFailure}, or a {@link
 * CanceledFailure}. Thrown by activity stub calls and by {@link Promise#get()} of their promises.
 */
public final class ActivityFailure extends WeftFailure {
    private static final long serialVersionUID = 1L;

    /** The activity type, as name/version. */
    private final String activityType;
    /** The activity's id in its execution. */
    private final String activityId;

    /**
     * For the framework; workflow code catches these, it does not create them.
     *
     * @param activityType the activity type as {@code name/version}
     * @param activityId the activity's id in the execution
     * @param cause why it failed
     */
    public ActivityFailure(String activityType, String activityId, Throwable cause) {
        super("Activity " + activityType + " (activityId " + activityId + ") failed: " + cause, cause);
        this.activityType = activityType;
        this.activityId = activityId;
    }

    /**
     * The activity type, as {@code name/version}.
     *
     * @return the type
     */
    public String getActivityType() {
        return activityType;
    }

    /**
     * The activity's id in its workflow execution.
     *
     * @return the id
     */
    public String getActivityId() {
        return activityId;
    }
}
