package dev.weft.engine;

import static dev.weft.engine.EngineTesting.DECISIONS;
import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.T0;
import static dev.weft.engine.EngineTesting.cancel;
import static dev.weft.engine.EngineTesting.complete;
import static dev.weft.engine.EngineTesting.continueAsNew;
import static dev.weft.engine.EngineTesting.fail;
import static dev.weft.engine.EngineTesting.list;
import static dev.weft.engine.Faults.assertFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.ExecutionStatus;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.HistoryEvent;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsResponse;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionInfo;
import software.amazon.awssdk.services.swf.model.WorkflowType;

/**
 * Listing and counting open and closed executions over a fleet of a few hundred runs with
 * distinct start and close times, tags, three workflow types, a parent with children and every
 * close status; and how long closed executions stay visible.
 */
final class VisibilityTest {
    private static final WorkflowType ORDER_1 = EngineTesting.WORKFLOW;
    private static final WorkflowType ORDER_2 =
            WorkflowType.builder().name("Order").version("2").build();
    private static final WorkflowType SHIPMENT_1 =
            WorkflowType.builder().name("Shipment").version("1").build();
    private static final List<WorkflowType> TYPES = List.of(ORDER_1, ORDER_2, SHIPMENT_1);

    /** How many runs the fleet starts, one a second from T0. */
    private static final int STARTED = 250;
    /** The execution timeout of the runs that are left to time out. */
    private static final int TIMEOUT_SECONDS = 300;
    /** When the fleet is complete: every short timeout has fired and no default one has. */
    private static final Instant SETTLED = T0.plusSeconds(600);

    private static final int OPEN_RUNS = 126;
    private static final int CLOSED_RUNS = 151;

    private static final Comparator<Run> NEWEST_START_FIRST =
            Comparator.comparing((Run r) -> r.start).reversed();
    private static final Comparator<Run> NEWEST_CLOSE_FIRST =
            Comparator.comparing((Run r) -> r.close).reversed();

    private static final String SAME_ARGUMENTS =
            "Member must be used with the same arguments as the call that returned it";
    private static final String SAME_OPERATION =
            "Member must be a nextPageToken returned by an earlier call of the same operation";

    // ---------------------------------------------------------------------------------------
    // Order and time ranges

    @Test
    void openExecutionsAreListedNewestFirstByStartTime() {
        try (Fleet f = new Fleet()) {
            List<WorkflowExecutionInfo> expected = f.expected(Run::isOpen, NEWEST_START_FIRST);
            assertEquals(OPEN_RUNS, expected.size());

            ListOpenWorkflowExecutionsResponse r =
                    f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN).startTimeFilter(since(T0)));

            assertEquals(expected, r.executionInfos());
            assertNull(r.nextPageToken());
            assertEquals(
                    "wf-005", r.executionInfos().get(OPEN_RUNS - 1).execution().workflowId());
        }
    }

    @Test
    void closedExecutionsAreListedNewestFirstByStartTimeOrByCloseTime() {
        try (Fleet f = new Fleet()) {
            List<WorkflowExecutionInfo> byStart = f.expected(Run::isClosed, NEWEST_START_FIRST);
            List<WorkflowExecutionInfo> byClose = f.expected(Run::isClosed, NEWEST_CLOSE_FIRST);
            assertEquals(CLOSED_RUNS, byStart.size());
            // The runs were closed in shuffled order, so the two orders differ.
            assertNotEquals(byStart, byClose);

            ListClosedWorkflowExecutionsResponse started =
                    f.swf.listClosedWorkflowExecutions(q -> q.domain(DOMAIN).startTimeFilter(since(T0)));
            assertEquals(byStart, started.executionInfos());
            assertNull(started.nextPageToken());

            ListClosedWorkflowExecutionsResponse closed =
                    f.swf.listClosedWorkflowExecutions(q -> q.domain(DOMAIN).closeTimeFilter(since(T0)));
            assertEquals(byClose, closed.executionInfos());
            assertNull(closed.nextPageToken());
        }
    }

    @Test
    void reverseOrderListsOldestFirst() {
        try (Fleet f = new Fleet()) {
            assertEquals(
                    f.expected(Run::isOpen, NEWEST_START_FIRST.reversed()),
                    f.listOpen(q -> q.startTimeFilter(since(T0)).reverseOrder(true)));
            assertEquals(
                    f.expected(Run::isClosed, NEWEST_START_FIRST.reversed()),
                    f.listClosed(q -> q.startTimeFilter(since(T0)).reverseOrder(true)));
            assertEquals(
                    f.expected(Run::isClosed, NEWEST_CLOSE_FIRST.reversed()),
                    f.listClosed(q -> q.closeTimeFilter(since(T0)).reverseOrder(true)));
            assertEquals(
                    "wf-005",
                    f.listOpen(q -> q.startTimeFilter(since(T0)).reverseOrder(true))
                            .get(0)
                            .execution()
                            .workflowId());
            assertEquals(
                    "wf-000",
                    f.listClosed(q -> q.startTimeFilter(since(T0)).reverseOrder(true))
                            .get(0)
                            .execution()
                            .workflowId());
        }
    }

    @Test
    void timeRangeBoundsAreInclusive() {
        try (Fleet f = new Fleet()) {
            Instant oldest = T0.plusSeconds(105);
            Instant latest = T0.plusSeconds(158);
            List<WorkflowExecutionInfo> open = f.listOpen(q -> q.startTimeFilter(between(oldest, latest)));
            assertEquals(f.expected(r -> r.isOpen() && within(r.start, oldest, latest), NEWEST_START_FIRST), open);
            assertEquals("wf-158", open.get(0).execution().workflowId());
            assertEquals("wf-105", open.get(open.size() - 1).execution().workflowId());

            // A millisecond inside either bound leaves the run at that bound out.
            List<WorkflowExecutionInfo> inside =
                    f.listOpen(q -> q.startTimeFilter(between(oldest.plusMillis(1), latest.minusMillis(1))));
            assertEquals(open.subList(1, open.size() - 1), inside);
            assertEquals("wf-156", inside.get(0).execution().workflowId());
            assertEquals("wf-106", inside.get(inside.size() - 1).execution().workflowId());

            Instant oldestStart = T0.plusSeconds(100);
            Instant latestStart = T0.plusSeconds(150);
            List<WorkflowExecutionInfo> closedByStart =
                    f.listClosed(q -> q.startTimeFilter(between(oldestStart, latestStart)));
            assertEquals(
                    f.expected(r -> r.isClosed() && within(r.start, oldestStart, latestStart), NEWEST_START_FIRST),
                    closedByStart);
            assertEquals("wf-150", closedByStart.get(0).execution().workflowId());
            assertEquals(
                    "wf-100",
                    closedByStart.get(closedByStart.size() - 1).execution().workflowId());

            List<Run> closeOrder = new ArrayList<>(f.runs);
            closeOrder.removeIf(Run::isOpen);
            closeOrder.sort(NEWEST_CLOSE_FIRST.reversed());
            Run first = closeOrder.get(20);
            Run last = closeOrder.get(60);
            List<WorkflowExecutionInfo> closedByClose =
                    f.listClosed(q -> q.closeTimeFilter(between(first.close, last.close)));
            assertEquals(
                    f.expected(r -> r.isClosed() && within(r.close, first.close, last.close), NEWEST_CLOSE_FIRST),
                    closedByClose);
            assertEquals(41, closedByClose.size());
            assertEquals(last.info(), closedByClose.get(0));
            assertEquals(first.info(), closedByClose.get(40));
            assertEquals(
                    closedByClose.subList(1, 40),
                    f.listClosed(
                            q -> q.closeTimeFilter(between(first.close.plusMillis(1), last.close.minusMillis(1)))));

            // Without a latest date the range runs to the present.
            assertEquals(
                    f.expected(r -> r.isOpen() && !r.start.isBefore(latest), NEWEST_START_FIRST),
                    f.listOpen(q -> q.startTimeFilter(since(latest))));
            assertEquals(List.of(), f.listOpen(q -> q.startTimeFilter(since(SETTLED))));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Filters and counts

    @Test
    void executionFilterSelectsTheRunsOfOneWorkflowId() {
        try (Fleet f = new Fleet()) {
            // A run continued as new is closed, and its successor with the same workflow id is open.
            List<WorkflowExecutionInfo> openRun =
                    f.listOpen(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")));
            List<WorkflowExecutionInfo> closedRun =
                    f.listClosed(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")));
            assertEquals(f.expected(r -> r.isOpen() && r.is("wf-004"), NEWEST_START_FIRST), openRun);
            assertEquals(f.expected(r -> r.isClosed() && r.is("wf-004"), NEWEST_START_FIRST), closedRun);
            assertEquals(1, openRun.size());
            assertEquals(1, closedRun.size());
            assertEquals(CloseStatus.CONTINUED_AS_NEW, closedRun.get(0).closeStatus());
            assertNotEquals(
                    openRun.get(0).execution().runId(),
                    closedRun.get(0).execution().runId());

            assertEquals(
                    List.of(f.first(5).info()),
                    f.listOpen(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-005"))));
            assertEquals(
                    List.of(),
                    f.listClosed(q -> q.closeTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-005"))));
            assertEquals(
                    f.expected(r -> r.is("child-16"), NEWEST_START_FIRST),
                    f.listClosed(q -> q.closeTimeFilter(since(T0)).executionFilter(e -> e.workflowId("child-16"))));
            assertEquals(
                    List.of(),
                    f.listOpen(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("nobody"))));
        }
    }

    @Test
    void typeFilterMatchesTheNameAndOptionallyTheVersion() {
        try (Fleet f = new Fleet()) {
            Predicate<Run> anyOrder = r -> r.type.name().equals("Order");
            Predicate<Run> order2 = r -> r.type.equals(ORDER_2);
            Predicate<Run> shipment = r -> r.type.equals(SHIPMENT_1);

            assertEquals(
                    f.expected(anyOrder.and(Run::isOpen), NEWEST_START_FIRST),
                    f.listOpen(q -> q.startTimeFilter(since(T0)).typeFilter(t -> t.name("Order"))));
            assertEquals(
                    f.expected(order2.and(Run::isOpen), NEWEST_START_FIRST),
                    f.listOpen(q -> q.startTimeFilter(since(T0))
                            .typeFilter(t -> t.name("Order").version("2"))));
            assertEquals(
                    f.expected(shipment.and(Run::isOpen), NEWEST_START_FIRST),
                    f.listOpen(q -> q.startTimeFilter(since(T0))
                            .typeFilter(t -> t.name("Shipment").version("1"))));
            assertEquals(
                    f.expected(anyOrder.and(Run::isClosed), NEWEST_CLOSE_FIRST),
                    f.listClosed(q -> q.closeTimeFilter(since(T0)).typeFilter(t -> t.name("Order"))));
            assertEquals(
                    f.expected(order2.and(Run::isClosed), NEWEST_START_FIRST),
                    f.listClosed(q -> q.startTimeFilter(since(T0))
                            .typeFilter(t -> t.name("Order").version("2"))));
            assertEquals(
                    List.of(),
                    f.listOpen(q -> q.startTimeFilter(since(T0))
                            .typeFilter(t -> t.name("Order").version("3"))));
            assertEquals(List.of(), f.listOpen(q -> q.startTimeFilter(since(T0)).typeFilter(t -> t.name("Ord"))));
        }
    }

    @Test
    void tagFilterMatchesTheRunsCarryingTheTag() {
        try (Fleet f = new Fleet()) {
            for (String tag : List.of("vip", "mod7-3", "batch-2", "even", "child")) {
                assertEquals(
                        f.expected(r -> r.isOpen() && r.tags.contains(tag), NEWEST_START_FIRST),
                        f.listOpen(q -> q.startTimeFilter(since(T0)).tagFilter(t -> t.tag(tag))),
                        "open runs tagged " + tag);
                assertEquals(
                        f.expected(r -> r.isClosed() && r.tags.contains(tag), NEWEST_CLOSE_FIRST),
                        f.listClosed(q -> q.closeTimeFilter(since(T0)).tagFilter(t -> t.tag(tag))),
                        "closed runs tagged " + tag);
            }
            assertEquals(
                    List.of("child-6"),
                    workflowIds(f.listOpen(q -> q.startTimeFilter(since(T0)).tagFilter(t -> t.tag("child")))));
            assertEquals(
                    List.of("child-16"),
                    workflowIds(f.listClosed(q -> q.startTimeFilter(since(T0)).tagFilter(t -> t.tag("child")))));
            assertEquals(List.of(), f.listOpen(q -> q.startTimeFilter(since(T0)).tagFilter(t -> t.tag("vi"))));
        }
    }

    @Test
    void closeStatusFilterSelectsEachCloseStatus() {
        try (Fleet f = new Fleet()) {
            List<CloseStatus> statuses = List.of(
                    CloseStatus.COMPLETED,
                    CloseStatus.FAILED,
                    CloseStatus.CANCELED,
                    CloseStatus.TERMINATED,
                    CloseStatus.CONTINUED_AS_NEW,
                    CloseStatus.TIMED_OUT);
            List<Integer> sizes = new ArrayList<>();
            for (CloseStatus status : statuses) {
                List<WorkflowExecutionInfo> byClose =
                        f.listClosed(q -> q.closeTimeFilter(since(T0)).closeStatusFilter(s -> s.status(status)));
                assertEquals(f.expected(r -> r.closeStatus == status, NEWEST_CLOSE_FIRST), byClose, status.toString());
                assertEquals(
                        f.expected(r -> r.closeStatus == status, NEWEST_START_FIRST),
                        f.listClosed(q -> q.startTimeFilter(since(T0)).closeStatusFilter(s -> s.status(status))),
                        status.toString());
                sizes.add(byClose.size());
            }
            // Twenty-five of the first runs close each way, and one child also completes.
            assertEquals(List.of(26, 25, 25, 25, 25, 25), sizes);
        }
    }

    @Test
    void countsEqualTheNumberOfExecutionsListed() {
        record OpenQuery(
                Consumer<CountOpenWorkflowExecutionsRequest.Builder> count,
                Consumer<ListOpenWorkflowExecutionsRequest.Builder> list,
                Predicate<Run> selects) {}
        record ClosedQuery(
                Consumer<CountClosedWorkflowExecutionsRequest.Builder> count,
                Consumer<ListClosedWorkflowExecutionsRequest.Builder> list,
                Predicate<Run> selects) {}
        Instant from = T0.plusSeconds(105);
        Instant to = T0.plusSeconds(158);
        Instant closedFrom = T0.plusSeconds(300);
        Instant closedTo = T0.plusSeconds(350);

        try (Fleet f = new Fleet()) {
            List<OpenQuery> open = List.of(
                    new OpenQuery(q -> q.startTimeFilter(since(T0)), q -> q.startTimeFilter(since(T0)), r -> true),
                    new OpenQuery(
                            q -> q.startTimeFilter(between(from, to)),
                            q -> q.startTimeFilter(between(from, to)),
                            r -> within(r.start, from, to)),
                    new OpenQuery(
                            q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")),
                            q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")),
                            r -> r.is("wf-004")),
                    new OpenQuery(
                            q -> q.startTimeFilter(since(T0)).typeFilter(t -> t.name("Order")),
                            q -> q.startTimeFilter(since(T0)).typeFilter(t -> t.name("Order")),
                            r -> r.type.name().equals("Order")),
                    new OpenQuery(
                            q -> q.startTimeFilter(since(T0))
                                    .typeFilter(t -> t.name("Order").version("2")),
                            q -> q.startTimeFilter(since(T0))
                                    .typeFilter(t -> t.name("Order").version("2")),
                            r -> r.type.equals(ORDER_2)),
                    new OpenQuery(
                            q -> q.startTimeFilter(since(T0)).tagFilter(t -> t.tag("vip")),
                            q -> q.startTimeFilter(since(T0)).tagFilter(t -> t.tag("vip")),
                            r -> r.tags.contains("vip")),
                    new OpenQuery(
                            q -> q.startTimeFilter(since(SETTLED)),
                            q -> q.startTimeFilter(since(SETTLED)),
                            r -> false));
            for (int i = 0; i < open.size(); i++) {
                OpenQuery q = open.get(i);
                int expected = f.expected(r -> r.isOpen() && q.selects().test(r), NEWEST_START_FIRST)
                        .size();
                assertEquals(expected, f.listOpen(q.list()).size(), "open query #" + i);
                assertEquals(expected, f.countOpen(q.count()), "open query #" + i);
            }

            List<ClosedQuery> closed = List.of(
                    new ClosedQuery(q -> q.startTimeFilter(since(T0)), q -> q.startTimeFilter(since(T0)), r -> true),
                    new ClosedQuery(q -> q.closeTimeFilter(since(T0)), q -> q.closeTimeFilter(since(T0)), r -> true),
                    new ClosedQuery(
                            q -> q.closeTimeFilter(between(closedFrom, closedTo)),
                            q -> q.closeTimeFilter(between(closedFrom, closedTo)),
                            r -> within(r.close, closedFrom, closedTo)),
                    new ClosedQuery(
                            q -> q.closeTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")),
                            q -> q.closeTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")),
                            r -> r.is("wf-004")),
                    new ClosedQuery(
                            q -> q.closeTimeFilter(since(T0)).typeFilter(t -> t.name("Shipment")),
                            q -> q.closeTimeFilter(since(T0)).typeFilter(t -> t.name("Shipment")),
                            r -> r.type.equals(SHIPMENT_1)),
                    new ClosedQuery(
                            q -> q.closeTimeFilter(since(T0)).tagFilter(t -> t.tag("odd")),
                            q -> q.closeTimeFilter(since(T0)).tagFilter(t -> t.tag("odd")),
                            r -> r.tags.contains("odd")),
                    new ClosedQuery(
                            q -> q.closeTimeFilter(since(T0)).closeStatusFilter(s -> s.status(CloseStatus.TIMED_OUT)),
                            q -> q.closeTimeFilter(since(T0)).closeStatusFilter(s -> s.status(CloseStatus.TIMED_OUT)),
                            r -> r.closeStatus == CloseStatus.TIMED_OUT));
            for (int i = 0; i < closed.size(); i++) {
                ClosedQuery q = closed.get(i);
                int expected = f.expected(r -> r.isClosed() && q.selects().test(r), NEWEST_START_FIRST)
                        .size();
                assertEquals(expected, f.listClosed(q.list()).size(), "closed query #" + i);
                assertEquals(expected, f.countClosed(q.count()), "closed query #" + i);
            }

            assertEquals(OPEN_RUNS, f.countOpen(q -> q.startTimeFilter(since(T0))));
            assertEquals(CLOSED_RUNS, f.countClosed(q -> q.closeTimeFilter(since(T0))));
            assertEquals(
                    25,
                    f.countClosed(
                            q -> q.startTimeFilter(since(T0)).closeStatusFilter(s -> s.status(CloseStatus.FAILED))));
        }
    }

    // ---------------------------------------------------------------------------------------
    // Paging

    @Test
    void pagesOfSevenCoverHundredsOfExecutionsOnceWithOpaqueTokens() {
        try (Fleet f = new Fleet()) {
            assertEquals(OPEN_RUNS, f.expected(Run::isOpen, NEWEST_START_FIRST).size());
            assertEquals(
                    CLOSED_RUNS, f.expected(Run::isClosed, NEWEST_START_FIRST).size());
            assertPages(
                    f.expected(Run::isOpen, NEWEST_START_FIRST),
                    7,
                    walk(token -> f.openPage(q -> q.startTimeFilter(since(T0)).maximumPageSize(7), token)));
            assertPages(
                    f.expected(Run::isOpen, NEWEST_START_FIRST.reversed()),
                    7,
                    walk(token -> f.openPage(
                            q -> q.startTimeFilter(since(T0)).reverseOrder(true).maximumPageSize(7), token)));
            assertPages(
                    f.expected(Run::isClosed, NEWEST_CLOSE_FIRST),
                    7,
                    walk(token -> f.closedPage(q -> q.closeTimeFilter(since(T0)).maximumPageSize(7), token)));
            assertPages(
                    f.expected(Run::isClosed, NEWEST_START_FIRST.reversed()),
                    7,
                    walk(token -> f.closedPage(
                            q -> q.startTimeFilter(since(T0)).reverseOrder(true).maximumPageSize(7), token)));
            assertPages(
                    f.expected(r -> r.isOpen() && r.type.name().equals("Order"), NEWEST_START_FIRST),
                    7,
                    walk(token -> f.openPage(
                            q -> q.startTimeFilter(since(T0))
                                    .typeFilter(t -> t.name("Order"))
                                    .maximumPageSize(7),
                            token)));
        }
    }

    @Test
    void pageTokenReplayedWithOtherArgumentsIsRefused() {
        try (Fleet f = new Fleet()) {
            f.swf.registerDomain(r -> r.name("other").workflowExecutionRetentionPeriodInDays("1"));
            String token = f.openPage(q -> q.startTimeFilter(since(T0)).maximumPageSize(7), null)
                    .nextPageToken();

            assertTokenRefused(
                    token,
                    SAME_ARGUMENTS,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(since(T0.plusSeconds(1)))
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            assertTokenRefused(
                    token,
                    SAME_ARGUMENTS,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(between(T0, SETTLED))
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            assertTokenRefused(
                    token,
                    SAME_ARGUMENTS,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(since(T0))
                            .typeFilter(t -> t.name("Order"))
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            assertTokenRefused(
                    token,
                    SAME_ARGUMENTS,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(since(T0))
                            .tagFilter(t -> t.tag("vip"))
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            assertTokenRefused(
                    token,
                    SAME_ARGUMENTS,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(since(T0))
                            .reverseOrder(true)
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            assertTokenRefused(
                    token,
                    SAME_ARGUMENTS,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain("other")
                            .startTimeFilter(since(T0))
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            assertTokenRefused(
                    token,
                    SAME_OPERATION,
                    () -> f.swf.listClosedWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(since(T0))
                            .maximumPageSize(7)
                            .nextPageToken(token)));
            int middle = token.length() / 2;
            String tampered = token.substring(0, middle)
                    + (token.charAt(middle) == 'A' ? 'B' : 'A')
                    + token.substring(middle + 1);
            assertTokenRefused(
                    tampered,
                    SAME_OPERATION,
                    () -> f.swf.listOpenWorkflowExecutions(q -> q.domain(DOMAIN)
                            .startTimeFilter(since(T0))
                            .maximumPageSize(7)
                            .nextPageToken(tampered)));

            // With the same arguments the token still gives the second page.
            assertEquals(
                    f.expected(Run::isOpen, NEWEST_START_FIRST).subList(7, 14),
                    f.openPage(q -> q.startTimeFilter(since(T0)).maximumPageSize(7), token)
                            .items());
        }
    }

    @Test
    void pageTokenExpiresAfterItsLifetime() {
        try (Fleet f = new Fleet()) {
            String open = f.openPage(q -> q.startTimeFilter(since(T0)).maximumPageSize(7), null)
                    .nextPageToken();
            String closed = f.closedPage(q -> q.closeTimeFilter(since(T0)).maximumPageSize(7), null)
                    .nextPageToken();
            assertNotNull(open);
            assertNotNull(closed);

            f.t.advance(Duration.ofHours(25));

            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "Specified token has exceeded its maximum lifetime",
                    () -> f.openPage(q -> q.startTimeFilter(since(T0)).maximumPageSize(7), open));
            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "Specified token has exceeded its maximum lifetime",
                    () -> f.closedPage(q -> q.closeTimeFilter(since(T0)).maximumPageSize(7), closed));
        }
    }

    // ---------------------------------------------------------------------------------------
    // What a listing says about each run

    @Test
    void executionInfoReportsEveryField() {
        try (Fleet f = new Fleet()) {
            WorkflowExecutionInfo cancelRequested =
                    only(f.listOpen(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-005"))));
            assertEquals(f.first(5).execution, cancelRequested.execution());
            assertEquals(SHIPMENT_1, cancelRequested.workflowType());
            assertEquals(T0.plusSeconds(5), cancelRequested.startTimestamp());
            assertNull(cancelRequested.closeTimestamp());
            assertEquals(ExecutionStatus.OPEN, cancelRequested.executionStatus());
            assertNull(cancelRequested.closeStatus());
            assertNull(cancelRequested.parent());
            assertEquals(List.of("odd", "mod7-5", "batch-0", "vip", "rush"), cancelRequested.tagList());
            assertEquals(true, cancelRequested.cancelRequested());

            WorkflowExecutionInfo timedOut =
                    only(f.listClosed(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-007"))));
            assertEquals(f.first(7).execution, timedOut.execution());
            assertEquals(ORDER_2, timedOut.workflowType());
            assertEquals(T0.plusSeconds(7), timedOut.startTimestamp());
            assertEquals(T0.plusSeconds(7 + TIMEOUT_SECONDS), timedOut.closeTimestamp());
            assertEquals(ExecutionStatus.CLOSED, timedOut.executionStatus());
            assertEquals(CloseStatus.TIMED_OUT, timedOut.closeStatus());
            assertNull(timedOut.parent());
            assertEquals(List.of("odd", "mod7-0", "batch-0"), timedOut.tagList());
            assertEquals(false, timedOut.cancelRequested());

            WorkflowExecutionInfo untagged =
                    only(f.listClosed(q -> q.closeTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-000"))));
            assertEquals(f.first(0).execution, untagged.execution());
            assertEquals(ORDER_1, untagged.workflowType());
            assertEquals(T0, untagged.startTimestamp());
            assertEquals(f.first(0).close, untagged.closeTimestamp());
            assertEquals(CloseStatus.COMPLETED, untagged.closeStatus());
            assertFalse(untagged.hasTagList());

            WorkflowExecutionInfo openChild =
                    only(f.listOpen(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("child-6"))));
            Run child6 = f.run("child-6");
            assertEquals(child6.execution, openChild.execution());
            assertEquals(f.first(6).execution, openChild.parent());
            assertEquals(ORDER_1, openChild.workflowType());
            assertEquals(child6.start, openChild.startTimestamp());
            assertEquals(ExecutionStatus.OPEN, openChild.executionStatus());
            assertEquals(List.of("child"), openChild.tagList());
            assertEquals(false, openChild.cancelRequested());

            WorkflowExecutionInfo closedChild = only(
                    f.listClosed(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("child-16"))));
            Run child16 = f.run("child-16");
            assertEquals(f.first(16).execution, closedChild.parent());
            assertEquals(child16.start, closedChild.startTimestamp());
            assertEquals(child16.start.plusMillis(250), closedChild.closeTimestamp());
            assertEquals(CloseStatus.COMPLETED, closedChild.closeStatus());

            WorkflowExecutionInfo canceled =
                    only(f.listClosed(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-002"))));
            assertEquals(CloseStatus.CANCELED, canceled.closeStatus());
            assertEquals(false, canceled.cancelRequested());

            List<WorkflowExecutionInfo> continued =
                    f.listOpen(q -> q.startTimeFilter(since(T0)).executionFilter(e -> e.workflowId("wf-004")));
            WorkflowExecutionInfo successor = only(continued);
            assertEquals(ORDER_2, successor.workflowType());
            assertEquals(f.first(4).close, successor.startTimestamp());
            assertNotEquals(f.first(4).execution.runId(), successor.execution().runId());
            assertFalse(successor.hasTagList());
            assertNull(successor.parent());

            // Every run's info, field for field, as the fleet recorded it.
            for (Run run : f.runs) {
                List<WorkflowExecutionInfo> listed = run.isOpen()
                        ? f.listOpen(q -> q.startTimeFilter(since(run.start))
                                .executionFilter(e -> e.workflowId(run.execution.workflowId())))
                        : f.listClosed(q -> q.closeTimeFilter(since(run.close))
                                .executionFilter(e -> e.workflowId(run.execution.workflowId())));
                assertTrue(listed.contains(run.info()), run.execution.workflowId());
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Retention

    @Test
    void closedExecutionsAreKeptForTheDomainsRetentionPeriod() {
        try (EngineTesting t = new EngineTesting()) {
            WorkflowExecution done = t.start("done");
            t.decide(t.decisionTask(), complete("ok"));
            String openRunId = t.swf.startWorkflowExecution(r -> r.domain(DOMAIN)
                            .workflowId("lasting")
                            .workflowType(ORDER_1)
                            .executionStartToCloseTimeout(
                                    Long.toString(Duration.ofDays(3).toSeconds())))
                    .runId();
            t.advance(Duration.ofHours(1));
            WorkflowExecution later = t.start("later");
            t.swf.terminateWorkflowExecution(
                    r -> r.domain(DOMAIN).workflowId("later").runId(later.runId()));

            // One millisecond before the retention period of "done" ends, it is still there.
            t.advance(Duration.ofDays(1).minusHours(1).minusMillis(1));
            assertEquals(List.of(later, done), executions(closedRuns(t.swf, DOMAIN)));
            assertEquals(2, countClosed(t.swf, DOMAIN));
            assertEquals(
                    CloseStatus.COMPLETED,
                    t.swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(done))
                            .executionInfo()
                            .closeStatus());

            t.advance(Duration.ofMillis(2));
            assertEquals(List.of(later), executions(closedRuns(t.swf, DOMAIN)));
            assertEquals(1, countClosed(t.swf, DOMAIN));
            assertEquals(
                    List.of(),
                    t.swf.listClosedWorkflowExecutions(r -> r.domain(DOMAIN)
                                    .closeTimeFilter(since(T0))
                                    .executionFilter(e -> e.workflowId("done")))
                            .executionInfos());
            assertUnknownExecution(t.swf, DOMAIN, done);

            t.advance(Duration.ofHours(1));
            assertEquals(List.of(), closedRuns(t.swf, DOMAIN));
            assertUnknownExecution(t.swf, DOMAIN, later);

            // Retention applies to closed runs only.
            assertEquals(
                    List.of(openRunId),
                    t
                            .swf
                            .listOpenWorkflowExecutions(r -> r.domain(DOMAIN).startTimeFilter(since(T0)))
                            .executionInfos()
                            .stream()
                            .map(i -> i.execution().runId())
                            .toList());
        }
    }

    @Test
    void zeroRetentionRemovesAClosedExecutionAtOnce() {
        for (String retention : List.of("0", "NONE")) {
            try (EngineTesting t = new EngineTesting()) {
                String domain = "ephemeral";
                t.swf.registerDomain(r -> r.name(domain).workflowExecutionRetentionPeriodInDays(retention));
                t.swf.registerWorkflowType(r -> r.domain(domain)
                        .name(ORDER_1.name())
                        .version(ORDER_1.version())
                        .defaultTaskList(l -> l.name(DECISIONS))
                        .defaultExecutionStartToCloseTimeout("3600")
                        .defaultTaskStartToCloseTimeout("30")
                        .defaultChildPolicy(ChildPolicy.TERMINATE));
                // The run must be gone when the call that closed it returns, with no time passing.
                // Many runs are closed so that a removal that only sometimes lags behind is seen.
                for (int i = 0; i < 20; i++) {
                    WorkflowExecution completed = startIn(t.swf, domain, "completed-" + i);
                    PollForDecisionTaskResponse task = t.swf.pollForDecisionTask(
                            r -> r.domain(domain).taskList(list(DECISIONS)).identity("decider"));
                    assertEquals(completed, task.workflowExecution());
                    t.decide(task, complete("ok"));
                    assertRemoved(t.swf, domain, completed, retention);

                    WorkflowExecution terminated = startIn(t.swf, domain, "terminated-" + i);
                    t.swf.terminateWorkflowExecution(r ->
                            r.domain(domain).workflowId(terminated.workflowId()).runId(terminated.runId()));
                    assertRemoved(t.swf, domain, terminated, retention);
                }
            }
        }
    }

    private static void assertRemoved(SwfClient swf, String domain, WorkflowExecution run, String retention) {
        assertEquals(List.of(), closedRuns(swf, domain), "retention " + retention + ", " + run.workflowId());
        assertEquals(0, countClosed(swf, domain), "retention " + retention + ", " + run.workflowId());
        assertUnknownExecution(swf, domain, run);
    }

    // ---------------------------------------------------------------------------------------
    // Malformed queries

    @Test
    void aListingTakesOneTimeFilterAndAtMostOneOtherFilter() {
        try (EngineTesting t = new EngineTesting()) {
            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "startTimeFilter and closeTimeFilter are mutually exclusive: give exactly one",
                    () -> t.swf.listClosedWorkflowExecutions(
                            r -> r.domain(DOMAIN).startTimeFilter(since(T0)).closeTimeFilter(since(T0))));
            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "Either startTimeFilter or closeTimeFilter must be given (exactly one)",
                    () -> t.swf.countClosedWorkflowExecutions(r -> r.domain(DOMAIN)));
            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "1 validation error detected: Value null at 'startTimeFilter' failed to satisfy constraint:"
                            + " Member must not be null",
                    () -> t.swf.listOpenWorkflowExecutions(r -> r.domain(DOMAIN)));
            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "Cannot specify more than one exclusive filters in the same query: [executionFilter,"
                            + " tagFilter]. executionFilter, typeFilter, tagFilter and closeStatusFilter are"
                            + " mutually exclusive; give at most one.",
                    () -> t.swf.listOpenWorkflowExecutions(r -> r.domain(DOMAIN)
                            .startTimeFilter(since(T0))
                            .executionFilter(e -> e.workflowId("wf-001"))
                            .tagFilter(g -> g.tag("vip"))));
            assertFault(
                    SwfException.class,
                    "ValidationException",
                    "Cannot specify more than one exclusive filters in the same query: [closeStatusFilter,"
                            + " typeFilter]. executionFilter, typeFilter, tagFilter and closeStatusFilter are"
                            + " mutually exclusive; give at most one.",
                    () -> t.swf.countClosedWorkflowExecutions(r -> r.domain(DOMAIN)
                            .closeTimeFilter(since(T0))
                            .closeStatusFilter(s -> s.status(CloseStatus.FAILED))
                            .typeFilter(g -> g.name("Order"))));
        }
    }

    // ---------------------------------------------------------------------------------------
    // The fleet

    /** What the test expects of one run, kept in step with what it does to the engine. */
    private static final class Run {
        final WorkflowExecution execution;
        final WorkflowType type;
        final Instant start;
        final List<String> tags;
        final WorkflowExecution parent;
        Instant close;
        CloseStatus closeStatus;
        boolean cancelRequested;

        Run(
                WorkflowExecution execution,
                WorkflowType type,
                Instant start,
                List<String> tags,
                WorkflowExecution parent) {
            this.execution = execution;
            this.type = type;
            this.start = start;
            this.tags = tags;
            this.parent = parent;
        }

        boolean isOpen() {
            return closeStatus == null;
        }

        boolean isClosed() {
            return closeStatus != null;
        }

        boolean is(String workflowId) {
            return execution.workflowId().equals(workflowId);
        }

        WorkflowExecutionInfo info() {
            return WorkflowExecutionInfo.builder()
                    .execution(execution)
                    .workflowType(type)
                    .startTimestamp(start)
                    .closeTimestamp(close)
                    .executionStatus(isOpen() ? ExecutionStatus.OPEN : ExecutionStatus.CLOSED)
                    .closeStatus(closeStatus)
                    .parent(parent)
                    .tagList(tags.isEmpty() ? null : tags)
                    .cancelRequested(cancelRequested)
                    .build();
        }
    }

    /** One page of a listing. */
    private record Page(List<WorkflowExecutionInfo> items, String nextPageToken) {}

    /**
     * 250 runs started a second apart, then about 150 of them acted on, one step a second in
     * shuffled order: by run index modulo 10, 0 completes, 1 fails, 2 cancels, 3 is terminated, 4
     * continues as new, 5 is asked to cancel and stays open, 7 times out after 300 seconds, and
     * the rest stay open, except that runs 6 and 16 start a child each (16's child completes).
     */
    private static final class Fleet implements AutoCloseable {
        final EngineTesting t = new EngineTesting();
        final SwfClient swf = t.swf;
        /** Every run, in the order it started. */
        final List<Run> runs = new ArrayList<>();

        private final Run[] first = new Run[STARTED];

        Fleet() {
            for (WorkflowType type : List.of(ORDER_2, SHIPMENT_1)) {
                swf.registerWorkflowType(r -> r.domain(DOMAIN)
                        .name(type.name())
                        .version(type.version())
                        .defaultTaskList(l -> l.name(DECISIONS))
                        .defaultExecutionStartToCloseTimeout("3600")
                        .defaultTaskStartToCloseTimeout("30")
                        .defaultChildPolicy(ChildPolicy.TERMINATE));
            }
            for (int i = 0; i < STARTED; i++) {
                first[i] = start(i);
                t.advance(Duration.ofSeconds(1));
            }
            // Steps fall between whole seconds, so no close time equals a start time or a timeout.
            t.advance(Duration.ofMillis(500));
            List<Integer> acting = new ArrayList<>();
            for (int i = 0; i < STARTED; i++) {
                if (i % 10 <= 5 || i == 6 || i == 16) {
                    acting.add(i);
                }
            }
            Collections.shuffle(acting, new Random(20260101));
            for (int i : acting) {
                act(i);
                t.advance(Duration.ofSeconds(1));
            }
            t.advance(Duration.between(t.engine.now(), SETTLED));
            for (int i = 7; i < STARTED; i += 10) {
                first[i].close = first[i].start.plusSeconds(TIMEOUT_SECONDS);
                first[i].closeStatus = CloseStatus.TIMED_OUT;
            }
        }

        @Override
        public void close() {
            t.close();
        }

        Run first(int i) {
            return first[i];
        }

        Run run(String workflowId) {
            for (Run r : runs) {
                if (r.is(workflowId)) {
                    return r;
                }
            }
            throw new AssertionError("no run of " + workflowId);
        }

        private Run start(int i) {
            String workflowId = String.format("wf-%03d", i);
            WorkflowType type = TYPES.get(i % 3);
            List<String> tags = tags(i);
            String runId = swf.startWorkflowExecution(r -> {
                        r.domain(DOMAIN)
                                .workflowId(workflowId)
                                .workflowType(type)
                                .taskList(list("tl-" + i))
                                .input("in-" + i);
                        if (!tags.isEmpty()) {
                            r.tagList(tags);
                        }
                        if (i % 10 == 7) {
                            r.executionStartToCloseTimeout(Integer.toString(TIMEOUT_SECONDS));
                        }
                    })
                    .runId();
            return add(new Run(execution(workflowId, runId), type, t.engine.now(), tags, null));
        }

        private void act(int i) {
            Run run = first[i];
            switch (i % 10) {
                case 0 -> {
                    t.decide(decisionTask(i), complete("done"));
                    closed(run, CloseStatus.COMPLETED);
                }
                case 1 -> {
                    t.decide(decisionTask(i), fail("broken", "details"));
                    closed(run, CloseStatus.FAILED);
                }
                case 2 -> {
                    t.decide(decisionTask(i), cancel("stopped"));
                    closed(run, CloseStatus.CANCELED);
                }
                case 3 -> {
                    swf.terminateWorkflowExecution(r -> r.domain(DOMAIN)
                            .workflowId(run.execution.workflowId())
                            .runId(run.execution.runId())
                            .reason("operator"));
                    closed(run, CloseStatus.TERMINATED);
                }
                case 4 -> {
                    t.decide(decisionTask(i), continueAsNew("again"));
                    closed(run, CloseStatus.CONTINUED_AS_NEW);
                    List<HistoryEvent> history = t.history(run.execution);
                    String next = history.get(history.size() - 1)
                            .workflowExecutionContinuedAsNewEventAttributes()
                            .newExecutionRunId();
                    add(new Run(
                            execution(run.execution.workflowId(), next), run.type, t.engine.now(), List.of(), null));
                }
                case 5 -> {
                    swf.requestCancelWorkflowExecution(r -> r.domain(DOMAIN)
                            .workflowId(run.execution.workflowId())
                            .runId(run.execution.runId()));
                    run.cancelRequested = true;
                }
                default -> startChild(i);
            }
        }

        private void startChild(int i) {
            Run parent = first[i];
            String childId = "child-" + i;
            t.decide(
                    decisionTask(i),
                    Decision.builder()
                            .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                            .startChildWorkflowExecutionDecisionAttributes(a -> a.workflowType(ORDER_1)
                                    .workflowId(childId)
                                    .taskList(list("tl-" + childId))
                                    .tagList("child")
                                    .input("child-in"))
                            .build());
            WorkflowExecution child = null;
            for (HistoryEvent e : t.history(parent.execution)) {
                if (e.eventType() == EventType.CHILD_WORKFLOW_EXECUTION_STARTED) {
                    child = e.childWorkflowExecutionStartedEventAttributes().workflowExecution();
                }
            }
            assertNotNull(child, "the child of " + parent.execution.workflowId() + " did not start");
            Run run = add(new Run(child, ORDER_1, t.engine.now(), List.of("child"), parent.execution));
            if (i == 16) {
                t.advance(Duration.ofMillis(250));
                PollForDecisionTaskResponse task = t.pollDecision("tl-" + childId);
                assertEquals(child, task.workflowExecution());
                t.decide(task, complete("child done"));
                closed(run, CloseStatus.COMPLETED);
            }
        }

        private PollForDecisionTaskResponse decisionTask(int i) {
            PollForDecisionTaskResponse task = t.pollDecision("tl-" + i);
            assertEquals(first[i].execution, task.workflowExecution());
            return task;
        }

        private void closed(Run run, CloseStatus status) {
            run.close = t.engine.now();
            run.closeStatus = status;
        }

        private Run add(Run run) {
            runs.add(run);
            return run;
        }

        /** The infos of the runs that pass {@code filter}, in {@code order}. */
        List<WorkflowExecutionInfo> expected(Predicate<Run> filter, Comparator<Run> order) {
            List<Run> selected = new ArrayList<>();
            for (Run r : runs) {
                if (filter.test(r)) {
                    selected.add(r);
                }
            }
            selected.sort(order);
            List<WorkflowExecutionInfo> infos = new ArrayList<>();
            selected.forEach(r -> infos.add(r.info()));
            return infos;
        }

        Page openPage(Consumer<ListOpenWorkflowExecutionsRequest.Builder> query, String token) {
            ListOpenWorkflowExecutionsResponse r = swf.listOpenWorkflowExecutions(b -> {
                b.domain(DOMAIN);
                query.accept(b);
                b.nextPageToken(token);
            });
            return new Page(r.executionInfos(), r.nextPageToken());
        }

        Page closedPage(Consumer<ListClosedWorkflowExecutionsRequest.Builder> query, String token) {
            ListClosedWorkflowExecutionsResponse r = swf.listClosedWorkflowExecutions(b -> {
                b.domain(DOMAIN);
                query.accept(b);
                b.nextPageToken(token);
            });
            return new Page(r.executionInfos(), r.nextPageToken());
        }

        /** Every execution an open listing returns, over all pages. */
        List<WorkflowExecutionInfo> listOpen(Consumer<ListOpenWorkflowExecutionsRequest.Builder> query) {
            return all(walk(token -> openPage(query, token)));
        }

        /** Every execution a closed listing returns, over all pages. */
        List<WorkflowExecutionInfo> listClosed(Consumer<ListClosedWorkflowExecutionsRequest.Builder> query) {
            return all(walk(token -> closedPage(query, token)));
        }

        int countOpen(Consumer<CountOpenWorkflowExecutionsRequest.Builder> query) {
            CountOpenWorkflowExecutionsResponse r = swf.countOpenWorkflowExecutions(b -> {
                b.domain(DOMAIN);
                query.accept(b);
            });
            assertEquals(false, r.truncated());
            return r.count();
        }

        int countClosed(Consumer<CountClosedWorkflowExecutionsRequest.Builder> query) {
            CountClosedWorkflowExecutionsResponse r = swf.countClosedWorkflowExecutions(b -> {
                b.domain(DOMAIN);
                query.accept(b);
            });
            assertEquals(false, r.truncated());
            return r.count();
        }
    }

    private static List<String> tags(int i) {
        if (i % 13 == 0) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(List.of(i % 2 == 0 ? "even" : "odd", "mod7-" + i % 7, "batch-" + i / 50));
        if (i % 4 == 1) {
            tags.add("vip");
            tags.add("rush");
        }
        return List.copyOf(tags);
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    private static List<Page> walk(Function<String, Page> call) {
        List<Page> pages = new ArrayList<>();
        String token = null;
        do {
            Page page = call.apply(token);
            pages.add(page);
            token = page.nextPageToken();
        } while (token != null);
        return pages;
    }

    private static List<WorkflowExecutionInfo> all(List<Page> pages) {
        List<WorkflowExecutionInfo> all = new ArrayList<>();
        pages.forEach(p -> all.addAll(p.items()));
        return all;
    }

    /**
     * Asserts that the pages hold {@code expected} in order, {@code size} to a page (the last may
     * hold fewer), that every page but the last carries a fresh token that names none of the runs,
     * and that the last carries none.
     */
    private static void assertPages(List<WorkflowExecutionInfo> expected, int size, List<Page> pages) {
        List<List<WorkflowExecutionInfo>> items = new ArrayList<>();
        pages.forEach(p -> items.add(p.items()));
        List<List<WorkflowExecutionInfo>> partition = new ArrayList<>();
        for (int i = 0; i < expected.size(); i += size) {
            partition.add(expected.subList(i, Math.min(expected.size(), i + size)));
        }
        assertEquals(partition, items);
        assertEquals(expected, all(pages));
        assertEquals(expected.size(), new HashSet<>(all(pages)).size(), "an execution was listed twice");

        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < pages.size() - 1; i++) {
            String token = pages.get(i).nextPageToken();
            assertTrue(tokens.add(token), "a page token was handed out twice");
            assertTrue(token.length() <= 2048, "a page token is longer than SWF allows");
            for (WorkflowExecutionInfo info : pages.get(i).items()) {
                assertFalse(token.contains(info.execution().workflowId()), "the token names " + info.execution());
                assertFalse(token.contains(info.execution().runId()), "the token names " + info.execution());
            }
        }
        assertNull(pages.get(pages.size() - 1).nextPageToken());
    }

    private static ExecutionTimeFilter since(Instant oldest) {
        return ExecutionTimeFilter.builder().oldestDate(oldest).build();
    }

    private static ExecutionTimeFilter between(Instant oldest, Instant latest) {
        return ExecutionTimeFilter.builder()
                .oldestDate(oldest)
                .latestDate(latest)
                .build();
    }

    private static boolean within(Instant t, Instant oldest, Instant latest) {
        return !t.isBefore(oldest) && !t.isAfter(latest);
    }

    private static WorkflowExecution execution(String workflowId, String runId) {
        return WorkflowExecution.builder().workflowId(workflowId).runId(runId).build();
    }

    private static WorkflowExecutionInfo only(List<WorkflowExecutionInfo> infos) {
        assertEquals(1, infos.size(), "expected exactly one execution, got " + infos);
        return infos.get(0);
    }

    private static List<String> workflowIds(List<WorkflowExecutionInfo> infos) {
        return infos.stream().map(i -> i.execution().workflowId()).toList();
    }

    private static List<WorkflowExecution> executions(List<WorkflowExecutionInfo> infos) {
        return infos.stream().map(WorkflowExecutionInfo::execution).toList();
    }

    private static WorkflowExecution startIn(SwfClient swf, String domain, String workflowId) {
        String runId = swf.startWorkflowExecution(
                        r -> r.domain(domain).workflowId(workflowId).workflowType(ORDER_1))
                .runId();
        return execution(workflowId, runId);
    }

    private static List<WorkflowExecutionInfo> closedRuns(SwfClient swf, String domain) {
        return swf.listClosedWorkflowExecutions(r -> r.domain(domain).startTimeFilter(since(T0)))
                .executionInfos();
    }

    private static int countClosed(SwfClient swf, String domain) {
        return swf.countClosedWorkflowExecutions(r -> r.domain(domain).closeTimeFilter(since(T0)))
                .count();
    }

    private static void assertUnknownExecution(SwfClient swf, String domain, WorkflowExecution run) {
        String message =
                "Unknown execution: WorkflowExecution=[workflowId=" + run.workflowId() + ", runId=" + run.runId() + "]";
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                message,
                () -> swf.describeWorkflowExecution(r -> r.domain(domain).execution(run)));
        assertFault(
                UnknownResourceException.class,
                "UnknownResourceFault",
                message,
                () -> swf.getWorkflowExecutionHistory(r -> r.domain(domain).execution(run)));
    }

    private static void assertTokenRefused(String token, String constraint, Executable call) {
        SwfException e = assertThrows(SwfException.class, call);
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails().errorMessage();
        String prefix = "1 validation error detected: Value '" + token.substring(0, 64);
        String suffix = "' at 'nextPageToken' failed to satisfy constraint: " + constraint;
        assertTrue(message.startsWith(prefix) && message.endsWith(suffix), message);
    }
}
