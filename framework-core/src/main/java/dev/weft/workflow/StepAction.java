package dev.weft.workflow;

import java.util.Objects;

/**
 * An action sent to a workflow step that waits for one ({@link Workflow#waitForAction}): resume
 * or stop, with a reason. Clients send it with {@code WorkflowClient.sendStepAction}.
 */
public final class StepAction {
    /** What the step should do. */
    public enum ActionType {
        /** Carry on. */
        RESUME,
        /** Stop. */
        STOP
    }

    private final String stepId;
    private final ActionType action;
    private final String reason;
    private final String clientToken;

    /**
     * An action.
     *
     * @param stepId the step it is for
     * @param action resume or stop
     * @param reason why, or null
     * @param clientToken the token that made its sending idempotent
     */
    public StepAction(String stepId, ActionType action, String reason, String clientToken) {
        this.stepId = Objects.requireNonNull(stepId, "stepId");
        this.action = Objects.requireNonNull(action, "action");
        this.reason = reason;
        this.clientToken = Objects.requireNonNull(clientToken, "clientToken");
    }

    /**
     * The step the action is for.
     *
     * @return the step id
     */
    public String getStepId() {
        return stepId;
    }

    /**
     * Resume or stop.
     *
     * @return the action
     */
    public ActionType getAction() {
        return action;
    }

    /**
     * Whether the step should stop.
     *
     * @return true for {@link ActionType#STOP}
     */
    public boolean isStop() {
        return action == ActionType.STOP;
    }

    /**
     * Why, as the sender said.
     *
     * @return the reason, or null
     */
    public String getReason() {
        return reason;
    }

    /**
     * The idempotency token it was sent with.
     *
     * @return the token
     */
    public String getClientToken() {
        return clientToken;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepAction s
                && stepId.equals(s.stepId)
                && action == s.action
                && Objects.equals(reason, s.reason)
                && clientToken.equals(s.clientToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stepId, action, reason, clientToken);
    }

    @Override
    public String toString() {
        return "StepAction{stepId=" + stepId + ", action=" + action + ", reason=" + reason + ", clientToken="
                + clientToken + "}";
    }
}
