package dev.weft.workflow;

/**
 * Something timed out; {@link #getTimeoutType()} names SWF's timeout type.
 */
public final class TimeoutFailure extends WeftFailure {
    private static final long serialVersionUID = 1L;

    /** SWF's timeout type. */
    private final String timeoutType;
    /** The last heartbeat's details, or null. */
    private final String lastHeartbeatDetails;

    /**
     * For the framework.
     *
     * @param timeoutType SWF's timeout type, such as {@code START_TO_CLOSE} or {@code HEARTBEAT}
     * @param lastHeartbeatDetails the details of an activity's last heartbeat, or null
     */
    public TimeoutFailure(String timeoutType, String lastHeartbeatDetails) {
        super(timeoutType + " timeout", null);
        this.timeoutType = timeoutType;
        this.lastHeartbeatDetails = lastHeartbeatDetails;
    }

    /**
     * SWF's timeout type: {@code SCHEDULE_TO_START}, {@code START_TO_CLOSE}, {@code
     * SCHEDULE_TO_CLOSE} or {@code HEARTBEAT}.
     *
     * @return the timeout type
     */
    public String getTimeoutType() {
        return timeoutType;
    }

    /**
     * The details of the activity's last heartbeat before it timed out, or null.
     *
     * @return the details
     */
    public String getLastHeartbeatDetails() {
        return lastHeartbeatDetails;
    }
}
