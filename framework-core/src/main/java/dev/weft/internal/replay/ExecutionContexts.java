package dev.weft.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.StepAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the decider publishes in each decision's {@code executionContext} (which
 * DescribeWorkflowExecution returns as {@code latestExecutionContext}): {@code {"state": <the
 * @GetState value>, "waitingSteps": ["approve", ...]}}, each member present only when there is
 * something to say (a state whose converter does not write JSON goes as text, {@code "stateText"}). Also the wire format of step actions, sent as signals.
 */
public final class ExecutionContexts {
    /** The signal name step actions travel under. */
    public static final String STEP_ACTION_SIGNAL = "weft-step-action";

    private static final ObjectMapper JSON = dev.weft.internal.json.Mappers.newMapper();

    private ExecutionContexts() {}

    /** The context: the state's JSON (or null) and the steps waiting (possibly none); null if both are empty. */
    static String write(String stateJson, Collection<String> waitingSteps) {
        if (stateJson == null && waitingSteps.isEmpty()) {
            return null;
        }
        ObjectNode n = JSON.createObjectNode();
        if (stateJson != null) {
            try {
                n.set("state", JSON.readTree(stateJson));
            } catch (JsonProcessingException e) {
                n.put("stateText", stateJson); // A converter that does not write JSON: kept as text.
            }
        }
        if (!waitingSteps.isEmpty()) {
            ArrayNode a = n.putArray("waitingSteps");
            waitingSteps.forEach(a::add);
        }
        return n.toString();
    }

    /**
     * The state's JSON in a published context.
     *
     * @param context the {@code latestExecutionContext}, or null
     * @return the state's JSON, or null if none was published
     */
    public static String state(String context) {
        JsonNode n = read(context);
        if (n == null) {
            return null;
        }
        JsonNode s = n.get("state");
        if (s != null) {
            return s.isNull() ? null : s.toString(); // The converter's JSON, a JSON string keeping its quotes.
        }
        JsonNode text = n.get("stateText");
        return text == null ? null : text.asText();
    }

    /**
     * The steps a published context says are waiting for an action.
     *
     * @param context the {@code latestExecutionContext}, or null
     * @return the step ids
     */
    public static List<String> waitingSteps(String context) {
        JsonNode n = read(context);
        List<String> steps = new ArrayList<>();
        if (n != null && n.get("waitingSteps") != null) {
            n.get("waitingSteps").forEach(s -> steps.add(s.asText()));
        }
        return steps;
    }

    private static JsonNode read(String context) {
        if (context == null || context.isEmpty()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(context);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A step action as a signal's input.
     *
     * @param a the action
     * @return its JSON
     */
    public static String stepAction(StepAction a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("stepId", a.getStepId());
        n.put("action", a.getAction().name());
        if (a.getReason() != null) {
            n.put("reason", a.getReason());
        }
        n.put("clientToken", a.getClientToken());
        return n.toString();
    }

    /**
     * A step action from a signal's input.
     *
     * @param input the signal's input
     * @return the action, or null if the input is not one
     */
    public static StepAction stepAction(String input) {
        JsonNode n = read(input);
        if (n == null || !n.hasNonNull("stepId") || !n.hasNonNull("action") || !n.hasNonNull("clientToken")) {
            return null;
        }
        StepAction.ActionType type;
        try {
            type = StepAction.ActionType.valueOf(n.get("action").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new StepAction(
                n.get("stepId").asText(),
                type,
                n.hasNonNull("reason") ? n.get("reason").asText() : null,
                n.get("clientToken").asText());
    }
}
