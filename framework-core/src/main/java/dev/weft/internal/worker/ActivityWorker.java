package dev.weft.internal.worker;

import dev.weft.activity.ActivityCanceledException;
import dev.weft.activity.ActivityNotExistsException;
import dev.weft.internal.model.ActivityMethod;
import dev.weft.internal.replay.FailureCodec;
import dev.weft.internal.replay.VirtualThreads;
import dev.weft.worker.WorkerListener;
import dev.weft.worker.WorkerListener.ActivityOutcome;
import dev.weft.worker.WorkerListener.TaskKind;
import dev.weft.worker.WorkerOptions;
import dev.weft.workflow.CanceledFailure;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskResponse;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;

/**
 * Polls activity task lists and runs the tasks: at most {@code maxConcurrentActivityTasks} at
 * once (a poller polls only when a slot is free), at most {@code activitiesPerSecond} started per
 * second, each answered (completed, failed or canceled) unless it is left open for manual
 * completion or SWF no longer knows it.
 */
final class ActivityWorker {
    private static final Logger log = LoggerFactory.getLogger(ActivityWorker.class);

    /** An activity implementation and the method model of one of its activity types. */
    record Bound(Object implementation, ActivityMethod method) {}

    private final SwfClient swf;
    private final String domain;
    private final List<String> taskLists;
    private final Map<String, Bound> byType;
    private final WorkerOptions options;
    private final SwfCalls calls;
    private final WorkerListener listener;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService heartbeats;
    private final Pool pool;

    ActivityWorker(
            SwfClient swf,
            String domain,
            List<String> taskLists,
            Map<String, Bound> byType,
            WorkerOptions options,
            SwfCalls calls,
            ScheduledExecutorService heartbeats,
            boolean interruptiblePolls) {
        this.swf = swf;
        this.domain = domain;
        this.taskLists = taskLists;
        this.byType = byType;
        this.options = options;
        this.calls = calls;
        this.listener = options.getListener();
        // A thread is a slot, whether it polls or runs the task it polled: never fewer than pollers.
        this.pool = new Pool(
                "weft-activity",
                Math.max(options.getMaxConcurrentActivityTasks(), options.getActivityPollers() * taskLists.size()),
                interruptiblePolls,
                options.isVirtualActivityThreads() ? VirtualThreads.since(24) : null);
        this.heartbeats = heartbeats;
        this.rateLimiter = options.getActivitiesPerSecond() > 0 ? rateLimiter(options.getActivitiesPerSecond()) : null;
    }

    private static RateLimiter rateLimiter(double perSecond) {
        // Whole permits per period: a fraction per second becomes one permit per longer period.
        int permits = Math.max(1, (int) Math.round(perSecond));
        long periodNanos = (long) (1e9 * permits / perSecond);
        return RateLimiter.of(
                "weft-activities",
                RateLimiterConfig.custom()
                        .limitForPeriod(permits)
                        .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                        .timeoutDuration(Duration.ofDays(1))
                        .build());
    }

    Pool pool() {
        return pool;
    }

    /** Starts the pollers. */
    void start() {
        for (String list : taskLists) {
            for (int i = 0; i < options.getActivityPollers(); i++) {
                pool.role(list, role -> pollOnce(role, list));
            }
        }
        pool.start();
    }

    /** One poll; the task it brought, or null. */
    private Runnable pollOnce(Pool.Role role, String taskList) {
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            return null;
        }
        long start = System.nanoTime();
        PollForActivityTaskResponse task;
        try {
            task = swf.pollForActivityTask(
                    r -> r.domain(domain).taskList(t -> t.name(taskList)).identity(options.getIdentity()));
            role.failures = 0;
        } catch (RuntimeException e) {
            if (pool.polling()) {
                calls.pollFailed(pool, role, TaskKind.ACTIVITY, listener, e);
            }
            return null;
        }
        boolean empty = task.taskToken() == null || task.taskToken().isEmpty();
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        Listeners.call(() -> listener.polled(TaskKind.ACTIVITY, taskList, latency, empty));
        if (empty) {
            return null;
        }
        return () -> {
            int inUse = pool.running();
            Listeners.call(
                    () -> listener.slotsInUse(TaskKind.ACTIVITY, inUse, options.getMaxConcurrentActivityTasks()));
            run(task, taskList);
        };
    }

    /** Runs one activity task and answers it. */
    void run(PollForActivityTaskResponse task, String taskList) {
        long start = System.nanoTime();
        MDC.put("domain", domain);
        MDC.put("taskList", taskList);
        MDC.put("workflowId", task.workflowExecution().workflowId());
        MDC.put("runId", task.workflowExecution().runId());
        MDC.put("activityId", task.activityId());
        ActivityOutcome outcome;
        try {
            outcome = execute(task);
        } finally {
            MDC.remove("domain");
            MDC.remove("taskList");
            MDC.remove("workflowId");
            MDC.remove("runId");
            MDC.remove("activityId");
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        ActivityOutcome o = outcome;
        Listeners.call(() -> listener.activityDone(task.activityType(), task.activityId(), latency, o));
    }

    private ActivityOutcome execute(PollForActivityTaskResponse task) {
        String key = task.activityType().name() + "/" + task.activityType().version();
        Bound b = byType.get(key);
        if (b == null) {
            IllegalStateException e = new IllegalStateException("No implementation of activity type " + key
                    + " is registered with worker " + options.getIdentity() + " polling this task list");
            log.error("{}", e.getMessage());
            return fail(task, e);
        }
        ActivityMethod am = b.method();
        long heartbeat = am.heartbeat();
        Duration interval =
                heartbeat > 0 ? Duration.ofMillis(Math.max(1, heartbeat * 800)) : options.getDefaultHeartbeatInterval();
        if (interval.compareTo(options.getMaxHeartbeatInterval()) > 0) {
            interval = options.getMaxHeartbeatInterval();
        }
        ActivityContextImpl ctx = new ActivityContextImpl(
                swf, calls, options.getDataConverter(), task, domain, interval, heartbeat > 0, heartbeats);
        ActivityContexts.set(ctx);
        Object result;
        Throwable thrown = null;
        try {
            Method m = am.method();
            Object[] args = options.getDataConverter().fromArguments(task.input(), m.getGenericParameterTypes());
            result = m.invoke(b.implementation(), args);
        } catch (InvocationTargetException e) {
            result = null;
            thrown = e.getCause();
        } catch (IllegalAccessException | RuntimeException e) {
            result = null;
            thrown = e;
        } finally {
            ActivityContexts.clear();
            ctx.close();
        }
        if (ctx.isManual()) {
            return ActivityOutcome.LEFT_OPEN;
        }
        if (ctx.isGone() || thrown instanceof ActivityNotExistsException) {
            log.info(
                    "Activity {} ({}) ended after SWF stopped knowing its task; no answer sent",
                    task.activityId(),
                    key);
            return ActivityOutcome.GONE;
        }
        if (thrown instanceof ActivityCanceledException || thrown instanceof CanceledFailure) {
            String message = thrown.getMessage();
            String details = message == null || message.length() <= 32768 ? message : message.substring(0, 32768);
            return answer(
                    task,
                    ActivityOutcome.CANCELED,
                    () -> swf.respondActivityTaskCanceled(
                            r -> r.taskToken(task.taskToken()).details(details)));
        }
        if (thrown != null) {
            if (pool.interrupting() && thrown instanceof InterruptedException) {
                thrown = new IllegalStateException(
                        "Worker " + options.getIdentity() + " shut down while activity " + task.activityId() + " ran",
                        thrown);
            }
            return fail(task, thrown);
        }
        String payload;
        try {
            payload = am.method().getReturnType() == void.class
                    ? null
                    : options.getDataConverter().toData(result, am.returnType());
        } catch (RuntimeException e) {
            return fail(task, e);
        }
        if (payload != null && payload.length() > 32768) {
            return fail(
                    task,
                    new IllegalArgumentException("The result of activity " + am.methodLabel() + " is "
                            + payload.length()
                            + " characters, over SWF's limit of 32768. Return a reference (an S3 key, a"
                            + " database id) instead of the data itself."));
        }
        return answer(
                task,
                ActivityOutcome.COMPLETED,
                () -> swf.respondActivityTaskCompleted(
                        r -> r.taskToken(task.taskToken()).result(payload)));
    }

    private ActivityOutcome fail(PollForActivityTaskResponse task, Throwable failure) {
        FailureCodec.Encoded f = FailureCodec.encode(failure);
        return answer(
                task,
                ActivityOutcome.FAILED,
                () -> swf.respondActivityTaskFailed(
                        r -> r.taskToken(task.taskToken()).reason(f.reason()).details(f.details())));
    }

    private ActivityOutcome answer(PollForActivityTaskResponse task, ActivityOutcome outcome, Runnable call) {
        try {
            calls.respond(() -> {
                call.run();
                return null;
            });
            return outcome;
        } catch (UnknownResourceException e) {
            log.warn(
                    "SWF no longer knows activity task {} ({}): it timed out or its execution closed; the answer"
                            + " was not taken",
                    task.activityId(),
                    task.activityType().name());
            return ActivityOutcome.GONE;
        } catch (RuntimeException e) {
            log.error(
                    "Could not answer activity task {} ({}) after {} attempts; SWF will time it out",
                    task.activityId(),
                    task.activityType().name(),
                    options.getResponseAttempts(),
                    e);
            Listeners.call(() -> listener.responseFailed(TaskKind.ACTIVITY, task.activityId(), e));
            return ActivityOutcome.GONE;
        }
    }
}
