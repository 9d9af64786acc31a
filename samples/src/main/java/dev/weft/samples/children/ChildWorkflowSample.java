package dev.weft.samples.children;

import dev.weft.annotations.Activities;
import dev.weft.annotations.Workflow;
import dev.weft.annotations.WorkflowMethod;
import dev.weft.client.WorkflowClient;
import dev.weft.samples.Samples;
import dev.weft.workflow.Async;
import dev.weft.workflow.ChildWorkflowOptions;
import dev.weft.workflow.Promise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Child workflows: a parent starts one child per region, in parallel, each with an id of its own,
 * and combines their results. Each child is a full workflow with its own history, visible (and
 * retried, timed out, canceled) on its own.
 *
 * <p>Run it with {@code ./mvnw -q package -Psample -DskipTests -Dsample=dev.weft.samples.children.ChildWorkflowSample}.
 */
public final class ChildWorkflowSample {
    /** The task list the sample's worker polls. */
    public static final String TASK_LIST = "reports";

    private ChildWorkflowSample() {}

    /** The parent: a sales report over regions. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "1h")
    public interface SalesReport {
        /**
         * Totals sales per region.
         *
         * @param month the month, as {@code 2026-11}
         * @param regions the regions
         * @return each region's total, in the order given
         */
        @WorkflowMethod
        Map<String, Integer> report(String month, List<String> regions);
    }

    /** The child: one region's total. */
    @Workflow(version = "1", taskList = TASK_LIST, executionStartToCloseTimeout = "30m")
    public interface RegionTotal {
        /**
         * Totals one region's sales.
         *
         * @param month the month
         * @param region the region
         * @return the total, in whole units
         */
        @WorkflowMethod
        int total(String month, String region);
    }

    /** The sales ledger. */
    @Activities(version = "1", startToCloseTimeout = "5m")
    public interface Ledger {
        /**
         * The sales of one region and month.
         *
         * @param month the month
         * @param region the region
         * @return the amounts
         */
        List<Integer> sales(String month, String region);
    }

    /** The parent's code: one child per region, all at once. */
    public static final class SalesReportImpl implements SalesReport {
        @Override
        public Map<String, Integer> report(String month, List<String> regions) {
            String me = dev.weft.workflow.Workflow.getInfo().getWorkflowId();
            Map<String, Promise<Integer>> totals = new LinkedHashMap<>();
            for (String region : regions) {
                RegionTotal child = dev.weft.workflow.Workflow.newChildWorkflowStub(
                        RegionTotal.class,
                        ChildWorkflowOptions.newBuilder()
                                .workflowId(me + "-" + region)
                                .build());
                totals.put(region, Async.function(child::total, month, region));
            }
            Promise.allOf(new ArrayList<>(totals.values())).get();
            Map<String, Integer> out = new LinkedHashMap<>();
            totals.forEach((region, total) -> out.put(region, total.get()));
            return out;
        }
    }

    /** The child's code. */
    public static final class RegionTotalImpl implements RegionTotal {
        private final Ledger ledger = dev.weft.workflow.Workflow.newActivityStub(Ledger.class);

        @Override
        public int total(String month, String region) {
            int sum = 0;
            for (int amount : ledger.sales(month, region)) {
                sum += amount;
            }
            return sum;
        }
    }

    /** A ledger whose sales are made up from the region's name. */
    public static final class FakeLedger implements Ledger {
        @Override
        public List<Integer> sales(String month, String region) {
            List<Integer> amounts = new ArrayList<>();
            for (int i = 0; i < region.length(); i++) {
                amounts.add((int) region.charAt(i));
            }
            return amounts;
        }
    }

    /**
     * Runs a report.
     *
     * @param client the workflow client
     * @param regions the regions
     * @return each region's total
     */
    public static Map<String, Integer> run(WorkflowClient client, List<String> regions) {
        return client.newWorkflowStub(SalesReport.class).report("2026-11", regions);
    }

    public static void main(String[] args) {
        try (Samples.Connection c = Samples.connect()) {
            c.startWorker(TASK_LIST, List.of(SalesReportImpl.class, RegionTotalImpl.class), List.of(new FakeLedger()));
            run(c.client(), List.of("north", "south", "east", "west"))
                    .forEach((region, total) -> System.out.println(region + ": " + total));
        }
    }
}
