package dev.weft.internal.worker;

import dev.weft.internal.model.ActivityMethod;
import dev.weft.internal.model.DurationText;
import dev.weft.internal.model.WorkflowModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityTypeConfiguration;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.WorkflowTypeConfiguration;

/**
 * Registers a worker's domain and types with their annotations' defaults. SWF types cannot
 * change once registered, so for a type that exists already the registered defaults are compared
 * with the annotations', and any difference is reported: a changed default otherwise silently
 * does nothing.
 */
final class Registration {
    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    /** A registered type whose defaults differ from its annotations'. */
    record Drift(String type, List<String> differences) {
        String message() {
            return type + " is registered with defaults its annotations no longer give: "
                    + String.join("; ", differences)
                    + ". SWF types cannot change: register a new version to change its defaults (the calls Weft"
                    + " makes send the annotations' values anyway).";
        }
    }

    private Registration() {}

    static void domain(SwfClient swf, String domain, int retentionDays) {
        try {
            swf.registerDomain(
                    r -> r.name(domain).workflowExecutionRetentionPeriodInDays(Integer.toString(retentionDays)));
            log.info("Registered domain {} (retention {} days)", domain, retentionDays);
        } catch (DomainAlreadyExistsException e) {
            log.debug("Domain {} exists already", domain);
        }
    }

    /** Registers a workflow type; the drift if it exists with other defaults, else null. */
    static Drift workflow(SwfClient swf, String domain, WorkflowModel m, String defaultTaskList) {
        String taskList = m.taskList() != null ? m.taskList() : defaultTaskList;
        String execution = DurationText.swf(m.executionStartToCloseTimeout());
        String task = DurationText.swf(m.taskStartToCloseTimeout());
        String childPolicy = m.childPolicy().name();
        String priority = m.taskPriority() == null ? null : m.taskPriority().toString();
        try {
            swf.registerWorkflowType(r -> r.domain(domain)
                    .name(m.name())
                    .version(m.version())
                    .description(m.description())
                    .defaultTaskList(t -> t.name(taskList))
                    .defaultExecutionStartToCloseTimeout(execution)
                    .defaultTaskStartToCloseTimeout(task)
                    .defaultChildPolicy(childPolicy)
                    .defaultTaskPriority(priority)
                    .defaultLambdaRole(m.lambdaRole()));
            log.info("Registered workflow type {}", m.typeLabel());
            return null;
        } catch (TypeAlreadyExistsException e) {
            WorkflowTypeConfiguration c = swf.describeWorkflowType(r ->
                            r.domain(domain).workflowType(t -> t.name(m.name()).version(m.version())))
                    .configuration();
            List<String> d = new ArrayList<>();
            compare(
                    d,
                    "defaultTaskList",
                    c.defaultTaskList() == null ? null : c.defaultTaskList().name(),
                    taskList);
            compare(d, "defaultExecutionStartToCloseTimeout", c.defaultExecutionStartToCloseTimeout(), execution);
            compare(d, "defaultTaskStartToCloseTimeout", c.defaultTaskStartToCloseTimeout(), task);
            compare(d, "defaultChildPolicy", c.defaultChildPolicyAsString(), childPolicy);
            compare(d, "defaultTaskPriority", c.defaultTaskPriority(), priority);
            compare(d, "defaultLambdaRole", c.defaultLambdaRole(), m.lambdaRole());
            return d.isEmpty() ? null : new Drift("Workflow type " + m.typeLabel(), d);
        }
    }

    /** Registers an activity type; the drift if it exists with other defaults, else null. */
    static Drift activity(SwfClient swf, String domain, ActivityMethod am, String defaultTaskList) {
        String taskList = am.taskList() != null ? am.taskList() : defaultTaskList;
        String s2s = DurationText.swf(am.scheduleToStart());
        String st2c = DurationText.swf(am.startToClose());
        String s2c = DurationText.swf(am.scheduleToClose());
        String hb = DurationText.swf(am.heartbeat());
        String priority = am.taskPriority() == null ? null : am.taskPriority().toString();
        try {
            swf.registerActivityType(r -> r.domain(domain)
                    .name(am.name())
                    .version(am.version())
                    .defaultTaskList(t -> t.name(taskList))
                    .defaultTaskScheduleToStartTimeout(s2s)
                    .defaultTaskStartToCloseTimeout(st2c)
                    .defaultTaskScheduleToCloseTimeout(s2c)
                    .defaultTaskHeartbeatTimeout(hb)
                    .defaultTaskPriority(priority));
            log.info("Registered activity type {}", am.typeLabel());
            return null;
        } catch (TypeAlreadyExistsException e) {
            ActivityTypeConfiguration c = swf.describeActivityType(r ->
                            r.domain(domain).activityType(t -> t.name(am.name()).version(am.version())))
                    .configuration();
            List<String> d = new ArrayList<>();
            compare(
                    d,
                    "defaultTaskList",
                    c.defaultTaskList() == null ? null : c.defaultTaskList().name(),
                    taskList);
            compare(d, "defaultTaskScheduleToStartTimeout", c.defaultTaskScheduleToStartTimeout(), s2s);
            compare(d, "defaultTaskStartToCloseTimeout", c.defaultTaskStartToCloseTimeout(), st2c);
            compare(d, "defaultTaskScheduleToCloseTimeout", c.defaultTaskScheduleToCloseTimeout(), s2c);
            compare(d, "defaultTaskHeartbeatTimeout", c.defaultTaskHeartbeatTimeout(), hb);
            compare(d, "defaultTaskPriority", c.defaultTaskPriority(), priority);
            return d.isEmpty() ? null : new Drift("Activity type " + am.typeLabel(), d);
        }
    }

    private static void compare(List<String> out, String what, String registered, String annotated) {
        if (!Objects.equals(registered, annotated)) {
            out.add(what + " is " + (registered == null ? "not set" : registered) + ", the annotations say "
                    + (annotated == null ? "not set" : annotated));
        }
    }
}
