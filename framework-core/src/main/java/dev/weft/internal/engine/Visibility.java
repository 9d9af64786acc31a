package dev.weft.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.CloseStatusFilter;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.TagFilter;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionFilter;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowTypeFilter;

/**
 * Listing and counting executions: a time range over a start-time (or close-time) index, plus at
 * most one of the workflow id, type, tag and close status filters. Newest first by default.
 */
final class Visibility {
    private static final String CLOSE_STATUSES =
            "[COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT]";

    private final Engine engine;

    Visibility(Engine engine) {
        this.engine = engine;
    }

    /** A validated query. */
    private record Query(
            Domain domain,
            NavigableMap<Domain.VisKey, Execution> range,
            Predicate<Execution> filter,
            int fingerprint) {}

    ListOpenWorkflowExecutionsResponse listOpen(ListOpenWorkflowExecutionsRequest r) {
        Check c = new Check()
                .pageSize("maximumPageSize", r.maximumPageSize())
                .length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX);
        Query q = open(c, r.domain(), r.startTimeFilter(), r.executionFilter(), r.typeFilter(), r.tagFilter());
        Paging.Page<WorkflowExecutionInfo> page = page(
                "ListOpenWorkflowExecutions",
                q,
                r.nextPageToken(),
                r.maximumPageSize(),
                Boolean.TRUE.equals(r.reverseOrder()));
        return ListOpenWorkflowExecutionsResponse.builder()
                .executionInfos(page.items())
                .nextPageToken(page.nextPageToken())
                .build();
    }

    CountOpenWorkflowExecutionsResponse countOpen(CountOpenWorkflowExecutionsRequest r) {
        Query q =
                open(new Check(), r.domain(), r.startTimeFilter(), r.executionFilter(), r.typeFilter(), r.tagFilter());
        return CountOpenWorkflowExecutionsResponse.builder()
                .count(count(q))
                .truncated(false)
                .build();
    }

    ListClosedWorkflowExecutionsResponse listClosed(ListClosedWorkflowExecutionsRequest r) {
        Check c = new Check()
                .pageSize("maximumPageSize", r.maximumPageSize())
                .length("nextPageToken", r.nextPageToken(), Check.PAGE_TOKEN_MAX);
        Query q = closed(
                c,
                r.domain(),
                r.startTimeFilter(),
                r.closeTimeFilter(),
                r.executionFilter(),
                r.closeStatusFilter(),
                r.typeFilter(),
                r.tagFilter());
        Paging.Page<WorkflowExecutionInfo> page = page(
                "ListClosedWorkflowExecutions",
                q,
                r.nextPageToken(),
                r.maximumPageSize(),
                Boolean.TRUE.equals(r.reverseOrder()));
        return ListClosedWorkflowExecutionsResponse.builder()
                .executionInfos(page.items())
                .nextPageToken(page.nextPageToken())
                .build();
    }

    CountClosedWorkflowExecutionsResponse countClosed(CountClosedWorkflowExecutionsRequest r) {
        Query q = closed(
                new Check(),
                r.domain(),
                r.startTimeFilter(),
                r.closeTimeFilter(),
                r.executionFilter(),
                r.closeStatusFilter(),
                r.typeFilter(),
                r.tagFilter());
        return CountClosedWorkflowExecutionsResponse.builder()
                .count(count(q))
                .truncated(false)
                .build();
    }

    private Query open(
            Check c,
            String domain,
            ExecutionTimeFilter startTime,
            WorkflowExecutionFilter execution,
            WorkflowTypeFilter type,
            TagFilter tag) {
        c.length("domain", domain, 1, Check.NAME_MAX);
        if (startTime == null) {
            c.fail("startTimeFilter", null, "Member must not be null");
        } else {
            timeFilter(c, "startTimeFilter", startTime);
        }
        filters(c, execution, null, type, tag);
        c.done();
        Domain d = engine.registry.domain(domain);
        return new Query(
                d,
                range(d.openByStart, startTime),
                filter(execution, null, type, tag),
                Objects.hash(domain, millis(startTime), execution, type, tag));
    }

    private Query closed(
            Check c,
            String domain,
            ExecutionTimeFilter startTime,
            ExecutionTimeFilter closeTime,
            WorkflowExecutionFilter execution,
            CloseStatusFilter status,
            WorkflowTypeFilter type,
            TagFilter tag) {
        c.length("domain", domain, 1, Check.NAME_MAX);
        if (startTime != null) {
            timeFilter(c, "startTimeFilter", startTime);
        }
        if (closeTime != null) {
            timeFilter(c, "closeTimeFilter", closeTime);
        }
        filters(c, execution, status, type, tag);
        c.done();
        if (startTime != null && closeTime != null) {
            throw Faults.validation("startTimeFilter and closeTimeFilter are mutually exclusive: give exactly one");
        }
        if (startTime == null && closeTime == null) {
            throw Faults.validation("Either startTimeFilter or closeTimeFilter must be given (exactly one)");
        }
        Domain d = engine.registry.domain(domain);
        NavigableMap<Domain.VisKey, Execution> range =
                startTime != null ? range(d.closedByStart, startTime) : range(d.closedByClose, closeTime);
        return new Query(
                d,
                range,
                filter(execution, status, type, tag),
                Objects.hash(domain, millis(startTime), millis(closeTime), execution, status, type, tag));
    }

    private static void timeFilter(Check c, String path, ExecutionTimeFilter f) {
        if (f.oldestDate() == null) {
            c.fail(path + ".oldestDate", null, "Member must not be null");
        }
    }

    private static void filters(
            Check c,
            WorkflowExecutionFilter execution,
            CloseStatusFilter status,
            WorkflowTypeFilter type,
            TagFilter tag) {
        List<String> given = new ArrayList<>();
        if (execution != null) {
            given.add("executionFilter");
            c.length("executionFilter.workflowId", execution.workflowId(), 1, Check.NAME_MAX);
        }
        if (status != null) {
            given.add("closeStatusFilter");
            if (status.statusAsString() == null) {
                c.fail("closeStatusFilter.status", null, "Member must not be null");
            } else if (status.status() == CloseStatus.UNKNOWN_TO_SDK_VERSION) {
                c.fail(
                        "closeStatusFilter.status",
                        status.statusAsString(),
                        "Member must satisfy enum value set: " + CLOSE_STATUSES);
            }
        }
        if (type != null) {
            given.add("typeFilter");
            c.length("typeFilter.name", type.name(), 1, Check.NAME_MAX)
                    .length("typeFilter.version", type.version(), Check.VERSION_MAX);
        }
        if (tag != null) {
            given.add("tagFilter");
            c.length("tagFilter.tag", tag.tag(), 0, Check.TAG_MAX);
        }
        c.done();
        if (given.size() > 1) {
            throw Faults.validation("Cannot specify more than one exclusive filters in the same query: " + given
                    + ". executionFilter, typeFilter, tagFilter and closeStatusFilter are mutually"
                    + " exclusive; give at most one.");
        }
    }

    private static NavigableMap<Domain.VisKey, Execution> range(
            NavigableMap<Domain.VisKey, Execution> index, ExecutionTimeFilter f) {
        long oldest = f.oldestDate().toEpochMilli();
        if (f.latestDate() == null) {
            return index.tailMap(new Domain.VisKey(oldest, ""), true);
        }
        long latest = f.latestDate().toEpochMilli();
        if (latest < oldest) {
            return index.subMap(new Domain.VisKey(oldest, ""), true, new Domain.VisKey(oldest, ""), false);
        }
        return index.subMap(new Domain.VisKey(oldest, ""), true, new Domain.VisKey(latest + 1, ""), false);
    }

    private static Predicate<Execution> filter(
            WorkflowExecutionFilter execution, CloseStatusFilter status, WorkflowTypeFilter type, TagFilter tag) {
        if (execution != null) {
            String id = execution.workflowId();
            return e -> e.workflowId.equals(id);
        }
        if (status != null) {
            CloseStatus s = status.status();
            return e -> e.closeStatus() == s;
        }
        if (type != null) {
            String name = type.name();
            String version = type.version();
            return e -> e.type.name().equals(name)
                    && (version == null || e.type.version().equals(version));
        }
        if (tag != null) {
            String t = tag.tag();
            return e -> e.tags.contains(t);
        }
        return e -> true;
    }

    private static Object millis(ExecutionTimeFilter f) {
        if (f == null) {
            return null;
        }
        Instant latest = f.latestDate();
        return f.oldestDate().toEpochMilli() + ":" + (latest == null ? "" : latest.toEpochMilli());
    }

    private Paging.Page<WorkflowExecutionInfo> page(
            String kind, Query q, String token, Integer pageSize, boolean reverse) {
        // SWF lists newest first unless reverseOrder is set.
        return engine.paging.page(
                kind,
                Objects.hash(q.fingerprint, reverse),
                q.range,
                token,
                pageSize,
                !reverse,
                q.filter,
                Execution::info,
                k -> k.millis() + "\n" + k.runId(),
                s -> {
                    int nl = s.indexOf('\n');
                    return new Domain.VisKey(Long.parseLong(s.substring(0, nl)), s.substring(nl + 1));
                });
    }

    private static int count(Query q) {
        int n = 0;
        for (Execution e : q.range.values()) {
            if (q.filter.test(e)) {
                n++;
            }
        }
        return n;
    }
}
