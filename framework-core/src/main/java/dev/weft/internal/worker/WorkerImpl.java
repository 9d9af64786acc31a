package dev.weft.internal.worker;

import dev.weft.internal.model.ActivitiesModel;
import dev.weft.internal.model.ActivityMethod;
import dev.weft.internal.model.ModelErrors;
import dev.weft.internal.model.WorkflowModel;
import dev.weft.internal.replay.DeciderOptions;
import dev.weft.internal.replay.WorkflowImplementations;
import dev.weft.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;

/**
 * The worker behind {@code dev.weft.worker.Worker}.
 */
public final class WorkerImpl {
    private static final Logger log = LoggerFactory.getLogger(WorkerImpl.class);

    private enum State {
        NEW,
        STARTED,
        SHUTTING_DOWN,
        TERMINATED
    }

    private final SwfClient swf;
    private final String domain;
    private final String taskList;
    private final WorkerOptions options;
    private final WorkflowImplementations workflows = new WorkflowImplementations();
    private final Map<String, ActivityWorker.Bound> activities = new LinkedHashMap<>();
    private final Map<Class<?>, Object> localActivities = new LinkedHashMap<>();
    private final String stickyList;
    private final SwfCalls calls;
    private final boolean inProcess;
    private State state = State.NEW;
    private Pool decisionPool;
    private Pool activityPool;
    private DecisionWorker decisions;
    private ScheduledExecutorService heartbeats;
    private Thread drainer;

    /**
     * A worker, validated.
     *
     * @param swf the client
     * @param domain the domain
     * @param taskList the task list
     * @param workflowClasses workflow implementations
     * @param activityObjects activity implementations
     * @param options the options
     */
    public WorkerImpl(
            SwfClient swf,
            String domain,
            String taskList,
            List<Class<?>> workflowClasses,
            List<Object> activityObjects,
            WorkerOptions options) {
        this.swf = swf;
        this.domain = domain;
        this.taskList = taskList;
        this.options = options;
        workflows.add(workflowClasses.toArray(new Class<?>[0]));
        for (Object o : activityObjects) {
            boolean any = false;
            for (Class<?> iface : interfaces(o.getClass())) {
                if (!iface.isAnnotationPresent(dev.weft.annotations.Activities.class)) {
                    continue;
                }
                any = true;
                localActivities.put(iface, o);
                for (ActivityMethod am : ActivitiesModel.of(iface).methods().values()) {
                    ActivityWorker.Bound old = activities.put(am.typeLabel(), new ActivityWorker.Bound(o, am));
                    if (old != null && old.implementation() != o) {
                        throw ModelErrors.method(
                                am.method(),
                                "Activity type " + am.typeLabel() + " is implemented by"
                                        + " two registered objects ("
                                        + old.implementation().getClass().getName() + " and "
                                        + o.getClass().getName() + "). Register one.");
                    }
                }
            }
            if (!any) {
                throw ModelErrors.type(
                        o.getClass(),
                        "An activity implementation must implement an interface annotated" + " @Activities.");
            }
        }
        this.stickyList = options.getWorkflowCacheSize() > 0 && !workflowClasses.isEmpty() ? sticky(taskList) : null;
        this.calls = new SwfCalls(
                options.getPollBackoffInitial(), options.getPollBackoffMax(), options.getResponseAttempts());
        this.inProcess = swf instanceof dev.weft.internal.spi.InterruptiblePolls;
    }

    /** This worker's own decision task list: the shared list's name and a random suffix. */
    private static String sticky(String taskList) {
        String suffix = "-sticky-" + UUID.randomUUID().toString().substring(0, 8);
        String base =
                taskList.length() + suffix.length() > 256 ? taskList.substring(0, 256 - suffix.length()) : taskList;
        return base + suffix;
    }

    private static List<Class<?>> interfaces(Class<?> c) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                all.add(i);
                for (Class<?> parent : i.getInterfaces()) {
                    all.add(parent);
                }
            }
        }
        return new ArrayList<>(all);
    }

    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("Worker " + options.getIdentity() + " was started already");
        }
        register();
        DeciderOptions deciderOptions = DeciderOptions.DEFAULT
                .withConverter(options.getDataConverter())
                .withFailWorkflowOnError(options.isFailWorkflowOnError())
                .withDeadlockTimeout(options.getDeadlockTimeout())
                .withLocalActivities(localActivities);
        AtomicInteger n = new AtomicInteger();
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-heartbeats-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (!workflows.all().isEmpty()) {
            decisions = new DecisionWorker(
                    swf, domain, decisionLists(), stickyList, workflows, deciderOptions, options, calls, inProcess);
            decisionPool = decisions.pool();
            decisions.start();
        }
        if (!activities.isEmpty()) {
            ActivityWorker a =
                    new ActivityWorker(swf, domain, activityLists(), activities, options, calls, heartbeats, inProcess);
            activityPool = a.pool();
            a.start();
        }
        state = State.STARTED;
        log.info(
                "Worker {} polling domain {}: decisions on {}{}, activities on {}",
                options.getIdentity(),
                domain,
                decisionLists(),
                stickyList == null ? "" : " and " + stickyList,
                activityLists());
    }

    /** The decision task lists polled once started (the sticky list included); none without workflows. */
    public List<String> polledDecisionLists() {
        if (workflows.all().isEmpty()) {
            return List.of();
        }
        List<String> lists = decisionLists();
        if (stickyList != null) {
            lists.add(stickyList);
        }
        return lists;
    }

    /** The activity task lists polled once started; none without activities. */
    public List<String> polledActivityLists() {
        return activities.isEmpty() ? List.of() : activityLists();
    }

    private List<String> decisionLists() {
        Set<String> lists = new LinkedHashSet<>();
        lists.add(taskList);
        for (WorkflowImplementations.Registered r : workflows.all()) {
            if (r.model().taskList() != null) {
                lists.add(r.model().taskList());
            }
        }
        return new ArrayList<>(lists);
    }

    private List<String> activityLists() {
        Set<String> lists = new LinkedHashSet<>();
        lists.add(taskList);
        for (ActivityWorker.Bound b : activities.values()) {
            if (b.method().taskList() != null) {
                lists.add(b.method().taskList());
            }
        }
        return new ArrayList<>(lists);
    }

    private void register() {
        if (options.getRegisterDomainRetentionDays() != null) {
            Registration.domain(swf, domain, options.getRegisterDomainRetentionDays());
        }
        if (!options.isRegisterTypes()) {
            return;
        }
        List<Registration.Drift> drift = new ArrayList<>();
        for (WorkflowImplementations.Registered r : workflows.all()) {
            WorkflowModel m = r.model();
            Registration.Drift d = Registration.workflow(swf, domain, m, taskList);
            if (d != null) {
                drift.add(d);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ActivityWorker.Bound b : activities.values()) {
            if (seen.add(b.method().typeLabel())) {
                Registration.Drift d = Registration.activity(swf, domain, b.method(), taskList);
                if (d != null) {
                    drift.add(d);
                }
            }
        }
        for (Registration.Drift d : drift) {
            log.warn("{}", d.message());
        }
        if (!drift.isEmpty() && options.isFailOnTypeDrift()) {
            StringBuilder sb = new StringBuilder("Registered types differ from their annotations (failOnTypeDrift):");
            for (Registration.Drift d : drift) {
                sb.append("\n    ").append(d.message());
            }
            throw new IllegalStateException(sb.toString());
        }
    }

    public synchronized void shutdown() {
        if (state == State.NEW) {
            state = State.TERMINATED;
            return;
        }
        if (state != State.STARTED) {
            return;
        }
        state = State.SHUTTING_DOWN;
        log.info("Worker {} shutting down: no new tasks; those in flight finish", options.getIdentity());
        if (activityPool != null) {
            activityPool.stopPolling();
        }
        if (decisionPool != null) {
            decisionPool.stopPolling();
            if (stickyList != null) {
                // The sticky list stays open until this worker's activities have drained: the
                // decisions they bring for executions it caches come there, and are handed back.
                Pool activitiesDraining = activityPool;
                drainer = new Thread(
                        () -> {
                            try {
                                if (activitiesDraining != null) {
                                    activitiesDraining.awaitTermination(Long.MAX_VALUE);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                decisions.closeSticky();
                                decisionPool.stopPolling();
                            }
                        },
                        "weft-decision-drainer");
                drainer.setDaemon(true);
                drainer.start();
            }
        }
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pool d;
        Pool a;
        Thread drain;
        synchronized (this) {
            d = decisionPool;
            a = activityPool;
            drain = drainer;
        }
        boolean done = (a == null || a.awaitTermination(deadline)) && (d == null || d.awaitTermination(deadline));
        if (done && drain != null) {
            drain.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            done = !drain.isAlive();
        }
        if (done) {
            terminated();
        }
        return done;
    }

    public void shutdownNow() {
        synchronized (this) {
            if (state == State.NEW || state == State.TERMINATED) {
                state = State.TERMINATED;
                return;
            }
            state = State.SHUTTING_DOWN;
        }
        if (decisions != null) {
            decisions.closeSticky();
        }
        if (decisionPool != null) {
            decisionPool.shutdownNow();
        }
        if (activityPool != null) {
            activityPool.shutdownNow();
        }
        if (drainer != null) {
            drainer.interrupt();
        }
        try {
            awaitTermination(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminated();
    }

    private synchronized void terminated() {
        if (decisions != null) {
            decisions.clearCache();
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            try {
                heartbeats.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state != State.TERMINATED) {
            state = State.TERMINATED;
            log.info("Worker {} terminated", options.getIdentity());
        }
    }

    public void close() {
        shutdown();
        try {
            if (!awaitTermination(options.getShutdownGracePeriod())) {
                log.warn(
                        "Worker {}: tasks still running after {}; interrupting them",
                        options.getIdentity(),
                        options.getShutdownGracePeriod());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdownNow();
    }

    public synchronized boolean isTerminated() {
        if (state == State.TERMINATED) {
            return (decisionPool == null || decisionPool.isTerminated())
                    && (activityPool == null || activityPool.isTerminated());
        }
        return false;
    }

    public String stickyTaskList() {
        return stickyList;
    }

    public WorkerOptions options() {
        return options;
    }

    /** Executions in the cache now (for tests and diagnostics). */
    public int cachedExecutions() {
        return decisions == null ? 0 : decisions.cached();
    }

    @Override
    public String toString() {
        return "Worker[" + options.getIdentity() + " " + domain + "/" + taskList + ", " + state + "]";
    }
}
