package dev.weft.client;

import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.services.swf.model.CloseStatus;

/**
 * Which executions to list or count: a time range (when they started, or, for closed ones, when
 * they closed), and at most one of a workflow id, a type, a tag or a close status, as SWF allows.
 *
 * <pre>{@code
 * ExecutionFilter.startedBetween(yesterday, now).type("OrderWorkflow", "1")
 * ExecutionFilter.closedBetween(lastWeek, now).closeStatus(CloseStatus.FAILED)
 * }</pre>
 */
public final class ExecutionFilter {
    private final boolean byClose;
    private final Instant from;
    private final Instant to;
    private final String workflowId;
    private final String typeName;
    private final String typeVersion;
    private final String tag;
    private final CloseStatus closeStatus;

    private ExecutionFilter(
            boolean byClose,
            Instant from,
            Instant to,
            String workflowId,
            String typeName,
            String typeVersion,
            String tag,
            CloseStatus closeStatus) {
        this.byClose = byClose;
        this.from = from;
        this.to = to;
        this.workflowId = workflowId;
        this.typeName = typeName;
        this.typeVersion = typeVersion;
        this.tag = tag;
        this.closeStatus = closeStatus;
    }

    /**
     * Executions that started in a range.
     *
     * @param from the earliest start, inclusive
     * @param to the latest start, inclusive
     * @return the filter
     */
    public static ExecutionFilter startedBetween(Instant from, Instant to) {
        return new ExecutionFilter(false, range(from, to), to, null, null, null, null, null);
    }

    /**
     * Closed executions that closed in a range.
     *
     * @param from the earliest close, inclusive
     * @param to the latest close, inclusive
     * @return the filter
     */
    public static ExecutionFilter closedBetween(Instant from, Instant to) {
        return new ExecutionFilter(true, range(from, to), to, null, null, null, null, null);
    }

    private static Instant range(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The range ends (" + to + ") before it begins (" + from + ")");
        }
        return from;
    }

    private void oneOnly(String adding) {
        String set = workflowId != null
                ? "workflowId"
                : typeName != null ? "type" : tag != null ? "tag" : closeStatus != null ? "closeStatus" : null;
        if (set != null) {
            throw new IllegalArgumentException(
                    "SWF filters by one of workflowId, type, tag and closeStatus; this filter" + " has " + set
                            + " already, so it cannot take " + adding + " too");
        }
    }

    /**
     * Only executions with this workflow id.
     *
     * @param id the workflow id
     * @return a new filter
     */
    public ExecutionFilter workflowId(String id) {
        oneOnly("workflowId");
        return new ExecutionFilter(byClose, from, to, Objects.requireNonNull(id, "workflowId"), null, null, null, null);
    }

    /**
     * Only executions of a type, any version.
     *
     * @param name the type's name
     * @return a new filter
     */
    public ExecutionFilter type(String name) {
        oneOnly("type");
        return new ExecutionFilter(byClose, from, to, null, Objects.requireNonNull(name, "type"), null, null, null);
    }

    /**
     * Only executions of a type version.
     *
     * @param name the type's name
     * @param version its version
     * @return a new filter
     */
    public ExecutionFilter type(String name, String version) {
        oneOnly("type");
        return new ExecutionFilter(
                byClose,
                from,
                to,
                null,
                Objects.requireNonNull(name, "type"),
                Objects.requireNonNull(version, "version"),
                null,
                null);
    }

    /**
     * Only executions with this tag.
     *
     * @param tag the tag
     * @return a new filter
     */
    public ExecutionFilter tag(String tag) {
        oneOnly("tag");
        return new ExecutionFilter(byClose, from, to, null, null, null, Objects.requireNonNull(tag, "tag"), null);
    }

    /**
     * Only closed executions that closed this way.
     *
     * @param status the close status
     * @return a new filter
     */
    public ExecutionFilter closeStatus(CloseStatus status) {
        oneOnly("closeStatus");
        return new ExecutionFilter(
                byClose, from, to, null, null, null, null, Objects.requireNonNull(status, "closeStatus"));
    }

    boolean byClose() {
        return byClose;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    String workflowIdFilter() {
        return workflowId;
    }

    String typeName() {
        return typeName;
    }

    String typeVersion() {
        return typeVersion;
    }

    String tagFilter() {
        return tag;
    }

    CloseStatus closeStatusFilter() {
        return closeStatus;
    }

    /** Checks the filter can list open executions. */
    void checkOpen() {
        if (byClose) {
            throw new IllegalArgumentException("Open executions have not closed: filter them with startedBetween");
        }
        if (closeStatus != null) {
            throw new IllegalArgumentException(
                    "Open executions have no close status: drop closeStatus from the filter");
        }
    }

    @Override
    public String toString() {
        return "ExecutionFilter{" + (byClose ? "closed " : "started ") + from + ".." + to
                + (workflowId != null ? ", workflowId=" + workflowId : "")
                + (typeName != null ? ", type=" + typeName + (typeVersion != null ? "/" + typeVersion : "") : "")
                + (tag != null ? ", tag=" + tag : "")
                + (closeStatus != null ? ", closeStatus=" + closeStatus : "") + "}";
    }
}
