package dev.weft.internal.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;

/** A registered domain: its types, task lists, executions and visibility indexes. */
final class Domain {
    /** A visibility index key: a start or close time, then the run id. */
    record VisKey(long millis, String runId) implements Comparable<VisKey> {
        @Override
        public int compareTo(VisKey o) {
            int c = Long.compare(millis, o.millis);
            return c != 0 ? c : runId.compareTo(o.runId);
        }
    }

    final String name;
    final String description;
    /** The retention period as registered ("NONE", "0" ... "90"). */
    final String retention;
    /** Retention in milliseconds; 0 deletes a closed execution at once. */
    final long retentionMillis;

    final String arn;
    final Instant created;
    private volatile RegistrationStatus status = RegistrationStatus.REGISTERED;

    /** Tags in insertion order. Guarded by the domain's monitor. */
    private final Map<String, String> tags = new LinkedHashMap<>();

    final ConcurrentSkipListMap<TypeKey, WorkflowTypeRecord> workflowTypes = new ConcurrentSkipListMap<>();
    final ConcurrentSkipListMap<TypeKey, ActivityTypeRecord> activityTypes = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, TaskQueue> decisionQueues = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TaskQueue> activityQueues = new ConcurrentHashMap<>();

    /** The open run of each workflow id. */
    final ConcurrentHashMap<String, Execution> open = new ConcurrentHashMap<>();
    /** Every retained run (open or closed), by run id. */
    final ConcurrentHashMap<String, Execution> runs = new ConcurrentHashMap<>();

    /** Open executions by start time. */
    final ConcurrentSkipListMap<VisKey, Execution> openByStart = new ConcurrentSkipListMap<>();
    /** Retained closed executions by start time. */
    final ConcurrentSkipListMap<VisKey, Execution> closedByStart = new ConcurrentSkipListMap<>();
    /** Retained closed executions by close time. */
    final ConcurrentSkipListMap<VisKey, Execution> closedByClose = new ConcurrentSkipListMap<>();

    Domain(String name, String description, String retention, String arn, Instant created) {
        this.name = name;
        this.description = description;
        this.retention = retention;
        long days = "NONE".equals(retention) ? 0 : Long.parseLong(retention);
        this.retentionMillis = days * 86_400_000L;
        this.arn = arn;
        this.created = created;
    }

    RegistrationStatus status() {
        return status;
    }

    void status(RegistrationStatus status) {
        this.status = status;
    }

    boolean deprecated() {
        return status == RegistrationStatus.DEPRECATED;
    }

    TaskQueue decisionQueue(String taskList) {
        return decisionQueues.computeIfAbsent(taskList, TaskQueue::new);
    }

    TaskQueue activityQueue(String taskList) {
        return activityQueues.computeIfAbsent(taskList, TaskQueue::new);
    }

    /** The queue if any task was ever scheduled on the list (so a count need not create one). */
    TaskQueue existingDecisionQueue(String taskList) {
        return decisionQueues.get(taskList);
    }

    TaskQueue existingActivityQueue(String taskList) {
        return activityQueues.get(taskList);
    }

    Iterable<TaskQueue> allQueues() {
        java.util.List<TaskQueue> all = new java.util.ArrayList<>(decisionQueues.values());
        all.addAll(activityQueues.values());
        return all;
    }

    synchronized Map<String, String> tags() {
        return new LinkedHashMap<>(tags);
    }

    synchronized void replaceTags(Map<String, String> newTags) {
        tags.clear();
        tags.putAll(newTags);
    }
}
