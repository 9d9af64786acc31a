package dev.weft.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTypeInfo;
import software.amazon.awssdk.services.swf.model.DescribeDomainResponse;
import software.amazon.awssdk.services.swf.model.DomainInfo;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryResponse;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ListActivityTypesResponse;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ListDomainsResponse;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesResponse;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowTypeInfo;

/**
 * Everything a client can see of an engine's state, read through {@link SwfClient} calls only:
 * every domain (registered and deprecated) with its description and tags, every workflow and
 * activity type of each domain with its description, every retained execution (open and closed)
 * with its description and whole history, and the pending task counts of the given task lists in
 * every domain. Two snapshots are equal when nothing a client can see changed between them.
 *
 * <p>Taking a snapshot changes nothing: it only describes, lists and counts.
 */
final class EngineSnapshot {
    /** Wide enough for any execution an engine in a test has started. */
    private static final ExecutionTimeFilter ALL_TIME =
            ExecutionTimeFilter.builder().oldestDate(Instant.EPOCH).build();

    /** What was seen, keyed by where it was seen, in the order it was read. */
    private final Map<String, Object> facts;

    private EngineSnapshot(Map<String, Object> facts) {
        // Responses that came over HTTP carry request ids and HTTP metadata in their equals; what a
        // client can see of the state is their members, which their text shows completely.
        facts.replaceAll((where, fact) -> fact instanceof SdkResponse ? fact.toString() : fact);
        this.facts = facts;
    }

    /** Reads the whole state of {@code swf}, counting pending tasks on {@code taskLists}. */
    static EngineSnapshot take(SwfClient swf, String... taskLists) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (DomainInfo domain : domains(swf)) {
            String name = domain.name();
            String at = "domain " + name;
            DescribeDomainResponse described = swf.describeDomain(r -> r.name(name));
            facts.put(at, described);
            String arn = described.domainInfo().arn();
            facts.put(
                    at + " tags",
                    swf.listTagsForResource(r -> r.resourceArn(arn)).tags());
            for (WorkflowTypeInfo type : workflowTypes(swf, name)) {
                facts.put(
                        at + " workflow type " + type.workflowType().name() + "/"
                                + type.workflowType().version(),
                        swf.describeWorkflowType(r -> r.domain(name).workflowType(type.workflowType())));
            }
            for (ActivityTypeInfo type : activityTypes(swf, name)) {
                facts.put(
                        at + " activity type " + type.activityType().name() + "/"
                                + type.activityType().version(),
                        swf.describeActivityType(r -> r.domain(name).activityType(type.activityType())));
            }
            for (WorkflowExecutionInfo info : executions(swf, name)) {
                WorkflowExecution run = info.execution();
                String execution = at + " execution " + run.workflowId() + "/" + run.runId();
                facts.put(
                        execution,
                        swf.describeWorkflowExecution(r -> r.domain(name).execution(run)));
                facts.put(execution + " history", history(swf, name, run));
            }
            for (String taskList : taskLists) {
                TaskList list = TaskList.builder().name(taskList).build();
                facts.put(
                        at + " pending decision tasks on " + taskList,
                        swf.countPendingDecisionTasks(r -> r.domain(name).taskList(list)));
                facts.put(
                        at + " pending activity tasks on " + taskList,
                        swf.countPendingActivityTasks(r -> r.domain(name).taskList(list)));
            }
        }
        return new EngineSnapshot(facts);
    }

    private static List<DomainInfo> domains(SwfClient swf) {
        List<DomainInfo> all = new ArrayList<>();
        for (RegistrationStatus status : List.of(RegistrationStatus.REGISTERED, RegistrationStatus.DEPRECATED)) {
            String token = null;
            do {
                String page = token;
                ListDomainsResponse r =
                        swf.listDomains(l -> l.registrationStatus(status).nextPageToken(page));
                all.addAll(r.domainInfos());
                token = r.nextPageToken();
            } while (token != null);
        }
        return all;
    }

    private static List<WorkflowTypeInfo> workflowTypes(SwfClient swf, String domain) {
        List<WorkflowTypeInfo> all = new ArrayList<>();
        for (RegistrationStatus status : List.of(RegistrationStatus.REGISTERED, RegistrationStatus.DEPRECATED)) {
            String token = null;
            do {
                String page = token;
                ListWorkflowTypesResponse r = swf.listWorkflowTypes(
                        l -> l.domain(domain).registrationStatus(status).nextPageToken(page));
                all.addAll(r.typeInfos());
                token = r.nextPageToken();
            } while (token != null);
        }
        return all;
    }

    private static List<ActivityTypeInfo> activityTypes(SwfClient swf, String domain) {
        List<ActivityTypeInfo> all = new ArrayList<>();
        for (RegistrationStatus status : List.of(RegistrationStatus.REGISTERED, RegistrationStatus.DEPRECATED)) {
            String token = null;
            do {
                String page = token;
                ListActivityTypesResponse r = swf.listActivityTypes(
                        l -> l.domain(domain).registrationStatus(status).nextPageToken(page));
                all.addAll(r.typeInfos());
                token = r.nextPageToken();
            } while (token != null);
        }
        return all;
    }

    private static List<WorkflowExecutionInfo> executions(SwfClient swf, String domain) {
        List<WorkflowExecutionInfo> all = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListOpenWorkflowExecutionsResponse r = swf.listOpenWorkflowExecutions(
                    l -> l.domain(domain).startTimeFilter(ALL_TIME).nextPageToken(page));
            all.addAll(r.executionInfos());
            token = r.nextPageToken();
        } while (token != null);
        do {
            String page = token;
            ListClosedWorkflowExecutionsResponse r = swf.listClosedWorkflowExecutions(
                    l -> l.domain(domain).startTimeFilter(ALL_TIME).nextPageToken(page));
            all.addAll(r.executionInfos());
            token = r.nextPageToken();
        } while (token != null);
        return all;
    }

    private static List<HistoryEvent> history(SwfClient swf, String domain, WorkflowExecution run) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetWorkflowExecutionHistoryResponse r = swf.getWorkflowExecutionHistory(
                    h -> h.domain(domain).execution(run).nextPageToken(page));
            events.addAll(r.events());
            token = r.nextPageToken();
        } while (token != null);
        return events;
    }

    /** What differs in {@code later}, one entry per fact, for failure messages. */
    List<String> differences(EngineSnapshot later) {
        List<String> lines = new ArrayList<>();
        facts.forEach((where, before) -> {
            if (!later.facts.containsKey(where)) {
                lines.add("gone: " + where + " (was " + before + ")");
            } else if (!Objects.equals(before, later.facts.get(where))) {
                lines.add("changed: " + where + change(before, later.facts.get(where)));
            }
        });
        later.facts.forEach((where, after) -> {
            if (!facts.containsKey(where)) {
                lines.add("new: " + where + " = " + after);
            }
        });
        return lines;
    }

    /** The change, shown from the first element that differs when both are lists (histories are long). */
    private static String change(Object before, Object after) {
        if (before instanceof List<?> b && after instanceof List<?> a) {
            int i = 0;
            while (i < b.size() && i < a.size() && Objects.equals(b.get(i), a.get(i))) {
                i++;
            }
            return " (" + b.size() + " elements before, " + a.size() + " after; first difference at index " + i
                    + ")\n    before: " + b.subList(i, b.size()) + "\n    after:  " + a.subList(i, a.size());
        }
        return "\n    before: " + before + "\n    after:  " + after;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineSnapshot other && facts.equals(other.facts);
    }

    @Override
    public int hashCode() {
        return facts.hashCode();
    }

    @Override
    public String toString() {
        return "EngineSnapshot of " + facts.size() + " facts";
    }
}
