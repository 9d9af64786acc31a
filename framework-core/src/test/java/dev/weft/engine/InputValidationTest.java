package dev.weft.engine;

import static dev.weft.engine.EngineTesting.ACTIVITIES;
import static dev.weft.engine.EngineTesting.ACTIVITY;
import static dev.weft.engine.EngineTesting.DECISIONS;
import static dev.weft.engine.EngineTesting.DOMAIN;
import static dev.weft.engine.EngineTesting.WORKFLOW;
import static dev.weft.engine.EngineTesting.cancel;
import static dev.weft.engine.EngineTesting.cancelExternal;
import static dev.weft.engine.EngineTesting.complete;
import static dev.weft.engine.EngineTesting.fail;
import static dev.weft.engine.EngineTesting.list;
import static dev.weft.engine.EngineTesting.marker;
import static dev.weft.engine.EngineTesting.scheduleActivity;
import static dev.weft.engine.EngineTesting.startTimer;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.ActivityType;
import software.amazon.awssdk.services.swf.model.ChildPolicy;
import software.amazon.awssdk.services.swf.model.CloseStatus;
import software.amazon.awssdk.services.swf.model.CloseStatusFilter;
import software.amazon.awssdk.services.swf.model.CountClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.CountOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.DefaultUndefinedException;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.DomainDeprecatedException;
import software.amazon.awssdk.services.swf.model.ExecutionTimeFilter;
import software.amazon.awssdk.services.swf.model.GetWorkflowExecutionHistoryRequest;
import software.amazon.awssdk.services.swf.model.LimitExceededException;
import software.amazon.awssdk.services.swf.model.ListClosedWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListDomainsRequest;
import software.amazon.awssdk.services.swf.model.ListOpenWorkflowExecutionsRequest;
import software.amazon.awssdk.services.swf.model.ListWorkflowTypesRequest;
import software.amazon.awssdk.services.swf.model.PollForActivityTaskRequest;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskRequest;
import software.amazon.awssdk.services.swf.model.PollForDecisionTaskResponse;
import software.amazon.awssdk.services.swf.model.RegisterActivityTypeRequest;
import software.amazon.awssdk.services.swf.model.RegisterDomainRequest;
import software.amazon.awssdk.services.swf.model.RegisterWorkflowTypeRequest;
import software.amazon.awssdk.services.swf.model.RegistrationStatus;
import software.amazon.awssdk.services.swf.model.ResourceTag;
import software.amazon.awssdk.services.swf.model.ScheduleActivityTaskDecisionAttributes;
import software.amazon.awssdk.services.swf.model.SignalWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.StartTimerDecisionAttributes;
import software.amazon.awssdk.services.swf.model.StartWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.TagFilter;
import software.amazon.awssdk.services.swf.model.TaskList;
import software.amazon.awssdk.services.swf.model.TerminateWorkflowExecutionRequest;
import software.amazon.awssdk.services.swf.model.TooManyTagsException;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.TypeDeprecatedException;
import software.amazon.awssdk.services.swf.model.TypeNotDeprecatedException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionAlreadyStartedException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionFilter;
import software.amazon.awssdk.services.swf.model.WorkflowType;
import software.amazon.awssdk.services.swf.model.WorkflowTypeFilter;

/**
 * Bad input: every operation of the engine is tried with invalid names, oversize fields, unknown
 * resources, stale or forged task tokens, conflicting filters and bad page tokens. Each call must
 * fail with SWF's fault (SDK exception type, error code, status 400 and the whole message), and
 * must leave everything a client can see of the engine exactly as it was.
 */
@ParameterizedClass
@EnumSource(EngineTesting.Transport.class)
final class InputValidationTest {
    private static final String NOT_NULL = "Member must not be null";
    private static final String NOT_EMPTY = "Member must have length greater than or equal to 1";
    private static final String SEPARATORS = "Member must not contain ':', '/' or '|'";
    private static final String CONTROL =
            "Member must not contain control characters (\\u0000-\\u001f, \\u007f-\\u009f)";
    private static final String NOT_ARN = "Member must not be the literal string 'arn'";
    private static final String WHITESPACE = "Member must not start or end with whitespace";
    private static final String SECONDS = "Member must be a whole number of seconds (at most 8 digits)";
    private static final String SECONDS_OR_NONE = SECONDS + " or NONE";
    private static final String RETENTION = "Member must be NONE or a whole number of days from 0 to 90";
    private static final String PRIORITY = "Member must be a signed 32-bit integer (-2147483648 to 2147483647)";
    private static final String CHILD_POLICIES =
            "Member must satisfy enum value set: [TERMINATE, REQUEST_CANCEL, ABANDON]";
    private static final String REGISTRATION_STATUSES = "Member must satisfy enum value set: [REGISTERED, DEPRECATED]";
    private static final String CLOSE_STATUSES = "Member must satisfy enum value set: [COMPLETED, FAILED, CANCELED,"
            + " TERMINATED, CONTINUED_AS_NEW, TIMED_OUT]";
    private static final String DECISION_TYPES = "Member must satisfy enum value set: [ScheduleActivityTask,"
            + " RequestCancelActivityTask, CompleteWorkflowExecution, FailWorkflowExecution,"
            + " CancelWorkflowExecution, ContinueAsNewWorkflowExecution, RecordMarker, StartTimer, CancelTimer,"
            + " SignalExternalWorkflowExecution, RequestCancelExternalWorkflowExecution,"
            + " StartChildWorkflowExecution, ScheduleLambdaFunction]";
    private static final String TAG_CHARACTERS =
            "Member must contain only letters, digits, whitespace and the characters _ . : / = + - @";
    private static final String PAGE_SIZE_ABOVE = "Member must have value less than or equal to 1000";
    private static final String PAGE_SIZE_BELOW = "Member must have value greater than or equal to 0";
    private static final String FOREIGN_TOKEN =
            "Member must be a nextPageToken returned by an earlier call of the same operation";
    private static final String OTHER_ARGUMENTS =
            "Member must be used with the same arguments as the call that returned it";
    private static final String EXCLUSIVE_FILTERS = "Cannot specify more than one exclusive filters in the same query:"
            + " %s. executionFilter, typeFilter, tagFilter and closeStatusFilter are mutually exclusive; give at"
            + " most one.";
    private static final String UNKNOWN_DECISION_TASK = "Unknown decision task";
    private static final String UNKNOWN_ACTIVITY_TASK = "Unknown activity task token: the task is closed (completed,"
            + " failed, canceled or timed out), its execution is closed, or the token was never issued";

    private static final String NAME_257 = "n".repeat(257);
    private static final String VERSION_65 = "v".repeat(65);
    private static final String DESCRIPTION_1025 = "d".repeat(1025);
    private static final String DATA_32769 = "x".repeat(32769);
    private static final String HEARTBEAT_2049 = "h".repeat(2049);
    private static final String REASON_257 = "r".repeat(257);
    private static final String TASK_TOKEN_1025 = "t".repeat(1025);
    private static final String PAGE_TOKEN_2049 = "p".repeat(2049);
    private static final String ARN_1601 = "a".repeat(1601);
    private static final String NINE_DIGITS = "123456789";

    private static final String SPARE = "spare";
    private static final String RETIRED = "retired";
    private static final String UNKNOWN_ARN = "arn:aws:swf:us-east-1:123456789012:/domain/nope";
    private static final WorkflowType OLD_WORKFLOW =
            WorkflowType.builder().name("Order").version("0").build();
    private static final WorkflowType BARE_WORKFLOW =
            WorkflowType.builder().name("Bare").version("1").build();
    private static final WorkflowType NO_WORKFLOW =
            WorkflowType.builder().name("Nope").version("1").build();
    private static final ActivityType OLD_ACTIVITY =
            ActivityType.builder().name("refund").version("1").build();
    private static final ActivityType NO_ACTIVITY =
            ActivityType.builder().name("nope").version("1").build();
    private static final ExecutionTimeFilter ALL_TIME =
            ExecutionTimeFilter.builder().oldestDate(Instant.EPOCH).build();

    private static final String SCHEDULE = "decisions.1.member.scheduleActivityTaskDecisionAttributes";
    private static final String TIMER = "decisions.1.member.startTimerDecisionAttributes";

    /** A value SWF refuses as a name (or version), and the constraint it breaks. */
    private record BadName(String value, String constraint) {}

    private final EngineTesting t;
    private final SwfClient swf;
    private String arn;
    private WorkflowExecution openRun;
    private WorkflowExecution closedRun;
    private String staleDecisionToken;
    private String startedActivityToken;
    private String staleActivityToken;

    InputValidationTest(EngineTesting.Transport transport) {
        t = new EngineTesting(transport);
        swf = t.swf;
    }

    /**
     * Builds a state worth protecting: a tagged domain with registered, deprecated and
     * default-less types; an empty domain; a deprecated domain; a closed execution; and an open
     * one with an open timer, a started activity, a queued activity, a finished activity and a
     * pending decision task.
     */
    @BeforeEach
    void buildRichState() {
        arn = swf.describeDomain(r -> r.name(DOMAIN)).domainInfo().arn();
        swf.tagResource(r -> r.resourceArn(arn).tags(tag("team", "payments"), tag("env", "test")));
        swf.registerWorkflowType(r -> r.domain(DOMAIN)
                .name(OLD_WORKFLOW.name())
                .version(OLD_WORKFLOW.version())
                .defaultTaskList(list(DECISIONS))
                .defaultExecutionStartToCloseTimeout("3600")
                .defaultTaskStartToCloseTimeout("30")
                .defaultChildPolicy(ChildPolicy.TERMINATE));
        swf.deprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(OLD_WORKFLOW));
        swf.registerWorkflowType(
                r -> r.domain(DOMAIN).name(BARE_WORKFLOW.name()).version(BARE_WORKFLOW.version()));
        swf.registerActivityType(r -> r.domain(DOMAIN)
                .name(OLD_ACTIVITY.name())
                .version(OLD_ACTIVITY.version())
                .description("replaced by charge"));
        swf.deprecateActivityType(r -> r.domain(DOMAIN).activityType(OLD_ACTIVITY));
        swf.registerDomain(r -> r.name(SPARE).workflowExecutionRetentionPeriodInDays("0"));
        swf.registerDomain(
                r -> r.name(RETIRED).description("no longer used").workflowExecutionRetentionPeriodInDays("1"));
        swf.registerActivityType(r -> r.domain(RETIRED).name("archive").version("1"));
        swf.deprecateDomain(r -> r.name(RETIRED));

        closedRun = t.start("closed-run");
        t.decide(t.decisionTask(), complete("done"));

        openRun = t.start("open-run");
        PollForDecisionTaskResponse first = t.decisionTask();
        t.decide(
                first,
                scheduleActivity("a", "1"),
                scheduleActivity("b", "2"),
                scheduleActivity("c", "3"),
                startTimer("t", "600"));
        staleDecisionToken = first.taskToken();
        startedActivityToken = t.activityTask().taskToken();
        String finished = t.activityTask().taskToken();
        swf.respondActivityTaskCompleted(r -> r.taskToken(finished).result("ok"));
        staleActivityToken = finished;
    }

    @AfterEach
    void close() {
        t.close();
    }

    // ---------------------------------------------------------------------------------------
    // Domains

    @Test
    void registerDomainRejectsMissingAndMalformedNames() {
        invalid(null, "name", NOT_NULL, () -> registerDomain(r -> r.name(null)));
        for (BadName bad : badNames(256)) {
            invalid(bad.value(), "name", bad.constraint(), () -> registerDomain(r -> r.name(bad.value())));
        }
    }

    @Test
    void registerDomainRejectsOversizeDescriptionAndBadRetention() {
        invalid(
                DESCRIPTION_1025,
                "description",
                atMost(1024),
                () -> registerDomain(r -> r.description(DESCRIPTION_1025)));
        String retention = "workflowExecutionRetentionPeriodInDays";
        invalid(null, retention, NOT_NULL, () -> registerDomain(r -> r.workflowExecutionRetentionPeriodInDays(null)));
        invalid("", retention, NOT_EMPTY, () -> registerDomain(r -> r.workflowExecutionRetentionPeriodInDays("")));
        invalid(
                NINE_DIGITS,
                retention,
                atMost(8),
                () -> registerDomain(r -> r.workflowExecutionRetentionPeriodInDays(NINE_DIGITS)));
        for (String bad : List.of("91", "abc", "-1", "1.5")) {
            invalid(
                    bad,
                    retention,
                    RETENTION,
                    () -> registerDomain(r -> r.workflowExecutionRetentionPeriodInDays(bad)));
        }
        invalid(
                validation(error(null, "name", NOT_NULL), error(null, retention, NOT_NULL)),
                () -> swf.registerDomain(r -> r.description("neither name nor retention")));
    }

    @Test
    void registerDomainRejectsBadTags() {
        invalid(null, "tags.1.member.key", NOT_NULL, () -> registerDomain(r -> r.tags(tag(null, "v"))));
        invalid("", "tags.1.member.key", NOT_EMPTY, () -> registerDomain(r -> r.tags(tag("", "v"))));
        String longKey = "k".repeat(129);
        invalid(
                longKey,
                "tags.2.member.key",
                atMost(128),
                () -> registerDomain(r -> r.tags(tag("a", "b"), tag(longKey, "v"))));
        String longValue = "v".repeat(257);
        invalid(longValue, "tags.1.member.value", atMost(256), () -> registerDomain(r -> r.tags(tag("k", longValue))));
        invalid("team#1", "tags.1.member.key", TAG_CHARACTERS, () -> registerDomain(r -> r.tags(tag("team#1", "v"))));
        invalid("a|b", "tags.1.member.value", TAG_CHARACTERS, () -> registerDomain(r -> r.tags(tag("k", "a|b"))));
    }

    @Test
    void registerDomainRejectsMoreThanFiftyTags() {
        List<ResourceTag> tags = new ArrayList<>();
        for (int i = 1; i <= 51; i++) {
            tags.add(tag("key" + i, "value"));
        }
        rejects(
                TooManyTagsException.class,
                "TooManyTagsFault",
                "A domain may have at most 50 tags, but 51 were given",
                () -> registerDomain(r -> r.tags(tags)));
    }

    @Test
    void registerDomainRejectsADomainThatExistsEvenDeprecated() {
        rejects(
                DomainAlreadyExistsException.class,
                "DomainAlreadyExistsFault",
                DOMAIN,
                () -> registerDomain(r -> r.name(DOMAIN)));
        rejects(
                DomainAlreadyExistsException.class,
                "DomainAlreadyExistsFault",
                RETIRED,
                () -> registerDomain(r -> r.name(RETIRED)));
    }

    @Test
    void registerDomainRejectsTheHundredAndFirstDomain() {
        int domains = swf.listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED))
                        .domainInfos()
                        .size()
                + swf.listDomains(r -> r.registrationStatus(RegistrationStatus.DEPRECATED))
                        .domainInfos()
                        .size();
        for (int i = domains; i < 100; i++) {
            String name = "domain-" + i;
            swf.registerDomain(r -> r.name(name).workflowExecutionRetentionPeriodInDays("1"));
        }
        rejects(
                LimitExceededException.class,
                "LimitExceededFault",
                "Cannot register domain one-too-many: the account already has 100 domains (registered and"
                        + " deprecated)",
                () -> registerDomain(r -> r.name("one-too-many")));
    }

    @Test
    void describeDomainRejectsMissingOversizeAndUnknownNames() {
        invalid(null, "name", NOT_NULL, () -> swf.describeDomain(r -> r.name(null)));
        invalid("", "name", NOT_EMPTY, () -> swf.describeDomain(r -> r.name("")));
        invalid(NAME_257, "name", atMost(256), () -> swf.describeDomain(r -> r.name(NAME_257)));
        unknown("Unknown domain: nope", () -> swf.describeDomain(r -> r.name("nope")));
    }

    @Test
    void listDomainsRejectsBadStatusAndPageSize() {
        invalid(null, "registrationStatus", NOT_NULL, () -> swf.listDomains(r -> r.maximumPageSize(10)));
        invalid(
                "GONE",
                "registrationStatus",
                REGISTRATION_STATUSES,
                () -> swf.listDomains(r -> r.registrationStatus("GONE")));
        invalid(
                1001,
                "maximumPageSize",
                PAGE_SIZE_ABOVE,
                () -> swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(1001)));
        invalid(
                -1,
                "maximumPageSize",
                PAGE_SIZE_BELOW,
                () -> swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(-1)));
        invalid(
                validation(
                        error(null, "registrationStatus", NOT_NULL), error(1001, "maximumPageSize", PAGE_SIZE_ABOVE)),
                () -> swf.listDomains(r -> r.maximumPageSize(1001)));
    }

    @Test
    void listDomainsRejectsBadEditedForeignAndReplayedPageTokens() {
        String token = swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(1))
                .nextPageToken();
        assertNotNull(token);
        invalid(PAGE_TOKEN_2049, "nextPageToken", atMost(2048), () -> listRegisteredDomains(PAGE_TOKEN_2049, r -> {}));
        invalid("garbage", "nextPageToken", FOREIGN_TOKEN, () -> listRegisteredDomains("garbage", r -> {}));
        invalid("not a token!", "nextPageToken", FOREIGN_TOKEN, () -> listRegisteredDomains("not a token!", r -> {}));
        String edited = edited(token);
        invalid(edited, "nextPageToken", FOREIGN_TOKEN, () -> listRegisteredDomains(edited, r -> {}));
        String typesToken = swf.listWorkflowTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .maximumPageSize(1))
                .nextPageToken();
        assertNotNull(typesToken);
        invalid(typesToken, "nextPageToken", FOREIGN_TOKEN, () -> listRegisteredDomains(typesToken, r -> {}));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.DEPRECATED).nextPageToken(token)));
        invalid(token, "nextPageToken", OTHER_ARGUMENTS, () -> listRegisteredDomains(token, r -> r.reverseOrder(true)));
        assertEquals(
                List.of(DOMAIN),
                swf
                        .listDomains(r -> r.registrationStatus(RegistrationStatus.REGISTERED)
                                .maximumPageSize(1)
                                .nextPageToken(token))
                        .domainInfos()
                        .stream()
                        .map(d -> d.name())
                        .toList(),
                "the token still works with the arguments it was issued for");
    }

    @Test
    void pageTokensExpireAfterADay() {
        String domains = swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(1))
                .nextPageToken();
        String history = swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(openRun).maximumPageSize(1))
                .nextPageToken();
        t.advance(Duration.ofDays(1).plusSeconds(1));
        invalid("Specified token has exceeded its maximum lifetime", () -> listRegisteredDomains(domains, r -> {}));
        invalid(
                "Specified token has exceeded its maximum lifetime",
                () -> swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(openRun).nextPageToken(history)));
    }

    /**
     * A page token is signed with an HMAC under a key only the engine knows, so a token whose
     * position was edited (here to positions out of range) is refused with a ValidationException,
     * never read, and never ends in an unchecked exception (which a client would see as an
     * internal error, and retry).
     */
    @Test
    void pageTokensWithEditedPositionsAreRefused() {
        String history = swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(openRun).maximumPageSize(2))
                .nextPageToken();
        for (String offset : List.of("999", "-5")) {
            String forged = resigned(history, position -> offset);
            refusedPageToken(forged, () -> history(r -> r.nextPageToken(forged)));
        }
        String decisionPage = swf.pollForDecisionTask(
                        r -> r.domain(DOMAIN).taskList(list(DECISIONS)).maximumPageSize(2))
                .nextPageToken();
        String forged =
                resigned(decisionPage, position -> position.substring(0, position.lastIndexOf('\n') + 1) + "999");
        refusedPageToken(forged, () -> pollDecision(r -> r.maximumPageSize(2).nextPageToken(forged)));
    }

    @Test
    void deprecateDomainRejectsMissingUnknownAndDeprecatedDomains() {
        invalid(null, "name", NOT_NULL, () -> swf.deprecateDomain(r -> r.name(null)));
        invalid(NAME_257, "name", atMost(256), () -> swf.deprecateDomain(r -> r.name(NAME_257)));
        unknown("Unknown domain: nope", () -> swf.deprecateDomain(r -> r.name("nope")));
        rejects(
                DomainDeprecatedException.class,
                "DomainDeprecatedFault",
                RETIRED,
                () -> swf.deprecateDomain(r -> r.name(RETIRED)));
    }

    @Test
    void undeprecateDomainRejectsMissingUnknownAndRegisteredDomains() {
        invalid(null, "name", NOT_NULL, () -> swf.undeprecateDomain(r -> r.name(null)));
        invalid(NAME_257, "name", atMost(256), () -> swf.undeprecateDomain(r -> r.name(NAME_257)));
        unknown("Unknown domain: nope", () -> swf.undeprecateDomain(r -> r.name("nope")));
        rejects(
                DomainAlreadyExistsException.class,
                "DomainAlreadyExistsFault",
                DOMAIN,
                () -> swf.undeprecateDomain(r -> r.name(DOMAIN)));
    }

    // ---------------------------------------------------------------------------------------
    // Workflow types

    @Test
    void registerWorkflowTypeRejectsMissingAndMalformedNames() {
        invalid(null, "domain", NOT_NULL, () -> registerWorkflowType(r -> r.domain(null)));
        invalid(NAME_257, "domain", atMost(256), () -> registerWorkflowType(r -> r.domain(NAME_257)));
        invalid(null, "name", NOT_NULL, () -> registerWorkflowType(r -> r.name(null)));
        for (BadName bad : badNames(256)) {
            invalid(bad.value(), "name", bad.constraint(), () -> registerWorkflowType(r -> r.name(bad.value())));
        }
        invalid(null, "version", NOT_NULL, () -> registerWorkflowType(r -> r.version(null)));
        for (BadName bad : badNames(64)) {
            invalid(bad.value(), "version", bad.constraint(), () -> registerWorkflowType(r -> r.version(bad.value())));
        }
        invalid(
                validation(
                        error(null, "domain", NOT_NULL),
                        error(null, "name", NOT_NULL),
                        error(null, "version", NOT_NULL)),
                () -> swf.registerWorkflowType(r -> r.description("nothing else")));
    }

    @Test
    void registerWorkflowTypeRejectsBadDefaults() {
        invalid(
                DESCRIPTION_1025,
                "description",
                atMost(1024),
                () -> registerWorkflowType(r -> r.description(DESCRIPTION_1025)));
        for (String bad : List.of("abc", NINE_DIGITS, "-1", "")) {
            invalid(
                    bad,
                    "defaultTaskStartToCloseTimeout",
                    SECONDS_OR_NONE,
                    () -> registerWorkflowType(r -> r.defaultTaskStartToCloseTimeout(bad)));
        }
        for (String bad : List.of("NONE", "abc", NINE_DIGITS)) {
            invalid(
                    bad,
                    "defaultExecutionStartToCloseTimeout",
                    SECONDS,
                    () -> registerWorkflowType(r -> r.defaultExecutionStartToCloseTimeout(bad)));
        }
        invalid(
                null,
                "defaultTaskList.name",
                NOT_NULL,
                () -> registerWorkflowType(
                        r -> r.defaultTaskList(TaskList.builder().build())));
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    "defaultTaskList.name",
                    bad.constraint(),
                    () -> registerWorkflowType(r -> r.defaultTaskList(list(bad.value()))));
        }
        for (String bad : List.of("high", "2147483648", " 1", "1.0")) {
            invalid(bad, "defaultTaskPriority", PRIORITY, () -> registerWorkflowType(r -> r.defaultTaskPriority(bad)));
        }
        invalid(
                ARN_1601,
                "defaultLambdaRole",
                atMost(1600),
                () -> registerWorkflowType(r -> r.defaultLambdaRole(ARN_1601)));
        invalid(
                "NEVER",
                "defaultChildPolicy",
                CHILD_POLICIES,
                () -> registerWorkflowType(r -> r.defaultChildPolicy("NEVER")));
    }

    @Test
    void registerWorkflowTypeRejectsUnknownAndDeprecatedDomains() {
        unknown("Unknown domain: nope", () -> registerWorkflowType(r -> r.domain("nope")));
        rejects(
                DomainDeprecatedException.class,
                "DomainDeprecatedFault",
                RETIRED,
                () -> registerWorkflowType(r -> r.domain(RETIRED)));
    }

    @Test
    void registerWorkflowTypeRejectsATypeThatExistsEvenDeprecated() {
        rejects(
                TypeAlreadyExistsException.class,
                "TypeAlreadyExistsFault",
                "WorkflowType=[name=Order, version=1]",
                () -> registerWorkflowType(r -> r.name(WORKFLOW.name()).version(WORKFLOW.version())));
        rejects(
                TypeAlreadyExistsException.class,
                "TypeAlreadyExistsFault",
                "WorkflowType=[name=Order, version=0]",
                () -> registerWorkflowType(r -> r.name(OLD_WORKFLOW.name()).version(OLD_WORKFLOW.version())));
    }

    @Test
    void describeWorkflowTypeRejectsMissingOversizeAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.describeWorkflowType(r -> r.workflowType(WORKFLOW)));
        invalid(null, "workflowType", NOT_NULL, () -> swf.describeWorkflowType(r -> r.domain(DOMAIN)));
        invalid(
                null,
                "workflowType.name",
                NOT_NULL,
                () -> swf.describeWorkflowType(r -> r.domain(DOMAIN).workflowType(w -> w.version("1"))));
        invalid(
                null,
                "workflowType.version",
                NOT_NULL,
                () -> swf.describeWorkflowType(r -> r.domain(DOMAIN).workflowType(w -> w.name("Order"))));
        invalid(
                NAME_257,
                "workflowType.name",
                atMost(256),
                () -> swf.describeWorkflowType(
                        r -> r.domain(DOMAIN).workflowType(w -> w.name(NAME_257).version("1"))));
        invalid(
                VERSION_65,
                "workflowType.version",
                atMost(64),
                () -> swf.describeWorkflowType(
                        r -> r.domain(DOMAIN).workflowType(w -> w.name("Order").version(VERSION_65))));
        unknown(
                "Unknown type: WorkflowType=[name=Nope, version=1]",
                () -> swf.describeWorkflowType(r -> r.domain(DOMAIN).workflowType(NO_WORKFLOW)));
        unknown(
                "Unknown type: WorkflowType=[name=Order, version=1]",
                () -> swf.describeWorkflowType(r -> r.domain(SPARE).workflowType(WORKFLOW)));
        unknown(
                "Unknown domain: nope",
                () -> swf.describeWorkflowType(r -> r.domain("nope").workflowType(WORKFLOW)));
    }

    @Test
    void listWorkflowTypesRejectsBadArgumentsAndPageTokens() {
        invalid(
                null,
                "domain",
                NOT_NULL,
                () -> swf.listWorkflowTypes(r -> r.registrationStatus(RegistrationStatus.REGISTERED)));
        invalid(null, "registrationStatus", NOT_NULL, () -> swf.listWorkflowTypes(r -> r.domain(DOMAIN)));
        invalid(
                "GONE",
                "registrationStatus",
                REGISTRATION_STATUSES,
                () -> swf.listWorkflowTypes(r -> r.domain(DOMAIN).registrationStatus("GONE")));
        invalid(NAME_257, "name", atMost(256), () -> listRegisteredWorkflowTypes(r -> r.name(NAME_257)));
        invalid(
                1001,
                "maximumPageSize",
                PAGE_SIZE_ABOVE,
                () -> listRegisteredWorkflowTypes(r -> r.maximumPageSize(1001)));
        invalid(-1, "maximumPageSize", PAGE_SIZE_BELOW, () -> listRegisteredWorkflowTypes(r -> r.maximumPageSize(-1)));
        unknown("Unknown domain: nope", () -> listRegisteredWorkflowTypes(r -> r.domain("nope")));

        String token = swf.listWorkflowTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .maximumPageSize(1))
                .nextPageToken();
        assertNotNull(token);
        invalid(
                "garbage",
                "nextPageToken",
                FOREIGN_TOKEN,
                () -> listRegisteredWorkflowTypes(r -> r.nextPageToken("garbage")));
        String edited = edited(token);
        invalid(
                edited,
                "nextPageToken",
                FOREIGN_TOKEN,
                () -> listRegisteredWorkflowTypes(r -> r.nextPageToken(edited)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listRegisteredWorkflowTypes(r -> r.name("Order").nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listRegisteredWorkflowTypes(r -> r.domain(SPARE).nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> swf.listWorkflowTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.DEPRECATED)
                        .nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                FOREIGN_TOKEN,
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .nextPageToken(token)));
    }

    @Test
    void deprecateWorkflowTypeRejectsMissingAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.deprecateWorkflowType(r -> r.workflowType(WORKFLOW)));
        invalid(null, "workflowType", NOT_NULL, () -> swf.deprecateWorkflowType(r -> r.domain(DOMAIN)));
        invalid(
                VERSION_65,
                "workflowType.version",
                atMost(64),
                () -> swf.deprecateWorkflowType(
                        r -> r.domain(DOMAIN).workflowType(w -> w.name("Order").version(VERSION_65))));
        unknown(
                "Unknown type: WorkflowType=[name=Nope, version=1]",
                () -> swf.deprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(NO_WORKFLOW)));
        unknown(
                "Unknown domain: nope",
                () -> swf.deprecateWorkflowType(r -> r.domain("nope").workflowType(WORKFLOW)));
    }

    @Test
    void deprecateWorkflowTypeRejectsADeprecatedType() {
        rejects(
                TypeDeprecatedException.class,
                "TypeDeprecatedFault",
                "WorkflowType=[name=Order, version=0]",
                () -> swf.deprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(OLD_WORKFLOW)));
    }

    @Test
    void undeprecateWorkflowTypeRejectsMissingAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.undeprecateWorkflowType(r -> r.workflowType(OLD_WORKFLOW)));
        invalid(null, "workflowType", NOT_NULL, () -> swf.undeprecateWorkflowType(r -> r.domain(DOMAIN)));
        invalid(
                NAME_257,
                "workflowType.name",
                atMost(256),
                () -> swf.undeprecateWorkflowType(
                        r -> r.domain(DOMAIN).workflowType(w -> w.name(NAME_257).version("0"))));
        unknown(
                "Unknown type: WorkflowType=[name=Nope, version=1]",
                () -> swf.undeprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(NO_WORKFLOW)));
        unknown(
                "Unknown domain: nope",
                () -> swf.undeprecateWorkflowType(r -> r.domain("nope").workflowType(OLD_WORKFLOW)));
    }

    @Test
    void undeprecateWorkflowTypeRejectsARegisteredType() {
        rejects(
                TypeAlreadyExistsException.class,
                "TypeAlreadyExistsFault",
                "WorkflowType=[name=Order, version=1]",
                () -> swf.undeprecateWorkflowType(r -> r.domain(DOMAIN).workflowType(WORKFLOW)));
    }

    @Test
    void deleteWorkflowTypeRejectsMissingAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.deleteWorkflowType(r -> r.workflowType(OLD_WORKFLOW)));
        invalid(null, "workflowType", NOT_NULL, () -> swf.deleteWorkflowType(r -> r.domain(DOMAIN)));
        invalid(
                "",
                "workflowType.version",
                NOT_EMPTY,
                () -> swf.deleteWorkflowType(
                        r -> r.domain(DOMAIN).workflowType(w -> w.name("Order").version(""))));
        unknown(
                "Unknown type: WorkflowType=[name=Nope, version=1]",
                () -> swf.deleteWorkflowType(r -> r.domain(DOMAIN).workflowType(NO_WORKFLOW)));
        unknown(
                "Unknown domain: nope",
                () -> swf.deleteWorkflowType(r -> r.domain("nope").workflowType(OLD_WORKFLOW)));
    }

    @Test
    void deleteWorkflowTypeRejectsARegisteredType() {
        rejects(
                TypeNotDeprecatedException.class,
                "TypeNotDeprecatedFault",
                "WorkflowType=[name=Order, version=1] is not deprecated; deprecate it before deleting it",
                () -> swf.deleteWorkflowType(r -> r.domain(DOMAIN).workflowType(WORKFLOW)));
    }

    // ---------------------------------------------------------------------------------------
    // Activity types

    @Test
    void registerActivityTypeRejectsMissingAndMalformedNames() {
        invalid(null, "domain", NOT_NULL, () -> registerActivityType(r -> r.domain(null)));
        invalid(NAME_257, "domain", atMost(256), () -> registerActivityType(r -> r.domain(NAME_257)));
        invalid(null, "name", NOT_NULL, () -> registerActivityType(r -> r.name(null)));
        for (BadName bad : badNames(256)) {
            invalid(bad.value(), "name", bad.constraint(), () -> registerActivityType(r -> r.name(bad.value())));
        }
        invalid(null, "version", NOT_NULL, () -> registerActivityType(r -> r.version(null)));
        for (BadName bad : badNames(64)) {
            invalid(bad.value(), "version", bad.constraint(), () -> registerActivityType(r -> r.version(bad.value())));
        }
        invalid(
                validation(
                        error(null, "domain", NOT_NULL),
                        error(null, "name", NOT_NULL),
                        error(null, "version", NOT_NULL)),
                () -> swf.registerActivityType(r -> r.description("nothing else")));
    }

    @Test
    void registerActivityTypeRejectsBadDefaults() {
        invalid(
                DESCRIPTION_1025,
                "description",
                atMost(1024),
                () -> registerActivityType(r -> r.description(DESCRIPTION_1025)));
        for (String bad : List.of("abc", NINE_DIGITS, "none")) {
            invalid(
                    bad,
                    "defaultTaskStartToCloseTimeout",
                    SECONDS_OR_NONE,
                    () -> registerActivityType(r -> r.defaultTaskStartToCloseTimeout(bad)));
            invalid(
                    bad,
                    "defaultTaskHeartbeatTimeout",
                    SECONDS_OR_NONE,
                    () -> registerActivityType(r -> r.defaultTaskHeartbeatTimeout(bad)));
            invalid(
                    bad,
                    "defaultTaskScheduleToStartTimeout",
                    SECONDS_OR_NONE,
                    () -> registerActivityType(r -> r.defaultTaskScheduleToStartTimeout(bad)));
            invalid(
                    bad,
                    "defaultTaskScheduleToCloseTimeout",
                    SECONDS_OR_NONE,
                    () -> registerActivityType(r -> r.defaultTaskScheduleToCloseTimeout(bad)));
        }
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    "defaultTaskList.name",
                    bad.constraint(),
                    () -> registerActivityType(r -> r.defaultTaskList(list(bad.value()))));
        }
        for (String bad : List.of("urgent", "-2147483649", "1 ")) {
            invalid(bad, "defaultTaskPriority", PRIORITY, () -> registerActivityType(r -> r.defaultTaskPriority(bad)));
        }
        invalid(
                validation(
                        error("abc", "defaultTaskStartToCloseTimeout", SECONDS_OR_NONE),
                        error("x", "defaultTaskPriority", PRIORITY)),
                () -> registerActivityType(
                        r -> r.defaultTaskStartToCloseTimeout("abc").defaultTaskPriority("x")));
    }

    @Test
    void registerActivityTypeRejectsUnknownAndDeprecatedDomains() {
        unknown("Unknown domain: nope", () -> registerActivityType(r -> r.domain("nope")));
        rejects(
                DomainDeprecatedException.class,
                "DomainDeprecatedFault",
                RETIRED,
                () -> registerActivityType(r -> r.domain(RETIRED)));
    }

    @Test
    void registerActivityTypeRejectsATypeThatExistsEvenDeprecated() {
        rejects(
                TypeAlreadyExistsException.class,
                "TypeAlreadyExistsFault",
                "ActivityType=[name=charge, version=1]",
                () -> registerActivityType(r -> r.name(ACTIVITY.name()).version(ACTIVITY.version())));
        rejects(
                TypeAlreadyExistsException.class,
                "TypeAlreadyExistsFault",
                "ActivityType=[name=refund, version=1]",
                () -> registerActivityType(r -> r.name(OLD_ACTIVITY.name()).version(OLD_ACTIVITY.version())));
    }

    @Test
    void describeActivityTypeRejectsMissingOversizeAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.describeActivityType(r -> r.activityType(ACTIVITY)));
        invalid(null, "activityType", NOT_NULL, () -> swf.describeActivityType(r -> r.domain(DOMAIN)));
        invalid(
                null,
                "activityType.name",
                NOT_NULL,
                () -> swf.describeActivityType(r -> r.domain(DOMAIN).activityType(a -> a.version("1"))));
        invalid(
                VERSION_65,
                "activityType.version",
                atMost(64),
                () -> swf.describeActivityType(
                        r -> r.domain(DOMAIN).activityType(a -> a.name("charge").version(VERSION_65))));
        unknown(
                "Unknown type: ActivityType=[name=nope, version=1]",
                () -> swf.describeActivityType(r -> r.domain(DOMAIN).activityType(NO_ACTIVITY)));
        unknown(
                "Unknown domain: nope",
                () -> swf.describeActivityType(r -> r.domain("nope").activityType(ACTIVITY)));
    }

    @Test
    void listActivityTypesRejectsBadArgumentsAndPageTokens() {
        invalid(
                null,
                "domain",
                NOT_NULL,
                () -> swf.listActivityTypes(r -> r.registrationStatus(RegistrationStatus.REGISTERED)));
        invalid(null, "registrationStatus", NOT_NULL, () -> swf.listActivityTypes(r -> r.domain(DOMAIN)));
        invalid(
                "GONE",
                "registrationStatus",
                REGISTRATION_STATUSES,
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN).registrationStatus("GONE")));
        invalid(
                NAME_257,
                "name",
                atMost(256),
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .name(NAME_257)));
        invalid(
                1001,
                "maximumPageSize",
                PAGE_SIZE_ABOVE,
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .maximumPageSize(1001)));
        invalid(
                -1,
                "maximumPageSize",
                PAGE_SIZE_BELOW,
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .maximumPageSize(-1)));
        invalid(
                PAGE_TOKEN_2049,
                "nextPageToken",
                atMost(2048),
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .nextPageToken(PAGE_TOKEN_2049)));
        unknown(
                "Unknown domain: nope",
                () -> swf.listActivityTypes(r -> r.domain("nope").registrationStatus(RegistrationStatus.REGISTERED)));

        invalid(
                "garbage",
                "nextPageToken",
                FOREIGN_TOKEN,
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .nextPageToken("garbage")));
        String domainsToken = swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(1))
                .nextPageToken();
        assertNotNull(domainsToken);
        invalid(
                domainsToken,
                "nextPageToken",
                FOREIGN_TOKEN,
                () -> swf.listActivityTypes(r -> r.domain(DOMAIN)
                        .registrationStatus(RegistrationStatus.REGISTERED)
                        .nextPageToken(domainsToken)));
    }

    @Test
    void deprecateActivityTypeRejectsMissingAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.deprecateActivityType(r -> r.activityType(ACTIVITY)));
        invalid(null, "activityType", NOT_NULL, () -> swf.deprecateActivityType(r -> r.domain(DOMAIN)));
        unknown(
                "Unknown type: ActivityType=[name=nope, version=1]",
                () -> swf.deprecateActivityType(r -> r.domain(DOMAIN).activityType(NO_ACTIVITY)));
        unknown(
                "Unknown domain: nope",
                () -> swf.deprecateActivityType(r -> r.domain("nope").activityType(ACTIVITY)));
    }

    @Test
    void deprecateActivityTypeRejectsADeprecatedType() {
        rejects(
                TypeDeprecatedException.class,
                "TypeDeprecatedFault",
                "ActivityType=[name=refund, version=1]",
                () -> swf.deprecateActivityType(r -> r.domain(DOMAIN).activityType(OLD_ACTIVITY)));
    }

    @Test
    void undeprecateActivityTypeRejectsMissingAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.undeprecateActivityType(r -> r.activityType(OLD_ACTIVITY)));
        invalid(null, "activityType", NOT_NULL, () -> swf.undeprecateActivityType(r -> r.domain(DOMAIN)));
        unknown(
                "Unknown type: ActivityType=[name=nope, version=1]",
                () -> swf.undeprecateActivityType(r -> r.domain(DOMAIN).activityType(NO_ACTIVITY)));
        unknown(
                "Unknown domain: nope",
                () -> swf.undeprecateActivityType(r -> r.domain("nope").activityType(OLD_ACTIVITY)));
    }

    @Test
    void undeprecateActivityTypeRejectsARegisteredType() {
        rejects(
                TypeAlreadyExistsException.class,
                "TypeAlreadyExistsFault",
                "ActivityType=[name=charge, version=1]",
                () -> swf.undeprecateActivityType(r -> r.domain(DOMAIN).activityType(ACTIVITY)));
    }

    @Test
    void deleteActivityTypeRejectsMissingAndUnknownTypes() {
        invalid(null, "domain", NOT_NULL, () -> swf.deleteActivityType(r -> r.activityType(OLD_ACTIVITY)));
        invalid(null, "activityType", NOT_NULL, () -> swf.deleteActivityType(r -> r.domain(DOMAIN)));
        invalid(
                NAME_257,
                "activityType.name",
                atMost(256),
                () -> swf.deleteActivityType(
                        r -> r.domain(DOMAIN).activityType(a -> a.name(NAME_257).version("1"))));
        unknown(
                "Unknown type: ActivityType=[name=nope, version=1]",
                () -> swf.deleteActivityType(r -> r.domain(DOMAIN).activityType(NO_ACTIVITY)));
        unknown(
                "Unknown domain: nope",
                () -> swf.deleteActivityType(r -> r.domain("nope").activityType(OLD_ACTIVITY)));
    }

    @Test
    void deleteActivityTypeRejectsARegisteredType() {
        rejects(
                TypeNotDeprecatedException.class,
                "TypeNotDeprecatedFault",
                "ActivityType=[name=charge, version=1] is not deprecated; deprecate it before deleting it",
                () -> swf.deleteActivityType(r -> r.domain(DOMAIN).activityType(ACTIVITY)));
    }

    // ---------------------------------------------------------------------------------------
    // Starting executions

    @Test
    void startWorkflowExecutionRejectsMissingAndMalformedIds() {
        invalid(null, "domain", NOT_NULL, () -> start(r -> r.domain(null)));
        invalid(NAME_257, "domain", atMost(256), () -> start(r -> r.domain(NAME_257)));
        invalid(null, "workflowId", NOT_NULL, () -> start(r -> r.workflowId(null)));
        for (BadName bad : badNames(256)) {
            invalid(bad.value(), "workflowId", bad.constraint(), () -> start(r -> r.workflowId(bad.value())));
        }
        invalid(null, "workflowType", NOT_NULL, () -> start(r -> r.workflowType((WorkflowType) null)));
        invalid(null, "workflowType.name", NOT_NULL, () -> start(r -> r.workflowType(w -> w.version("1"))));
        invalid(
                VERSION_65,
                "workflowType.version",
                atMost(64),
                () -> start(r -> r.workflowType(w -> w.name("Order").version(VERSION_65))));
        invalid(
                validation(
                        error(null, "domain", NOT_NULL),
                        error(null, "workflowId", NOT_NULL),
                        error(null, "workflowType", NOT_NULL)),
                () -> swf.startWorkflowExecution(r -> r.input("nothing else")));
    }

    @Test
    void startWorkflowExecutionRejectsBadOptions() {
        for (BadName bad : badNames(256)) {
            invalid(bad.value(), "taskList.name", bad.constraint(), () -> start(r -> r.taskList(list(bad.value()))));
        }
        for (String bad : List.of("high", "2147483648", "")) {
            invalid(bad, "taskPriority", PRIORITY, () -> start(r -> r.taskPriority(bad)));
        }
        invalid(DATA_32769, "input", atMost(32768), () -> start(r -> r.input(DATA_32769)));
        for (String bad : List.of("NONE", "abc", NINE_DIGITS, "")) {
            invalid(
                    bad,
                    "executionStartToCloseTimeout",
                    SECONDS,
                    () -> start(r -> r.executionStartToCloseTimeout(bad)));
        }
        for (String bad : List.of("abc", NINE_DIGITS, "1h")) {
            invalid(bad, "taskStartToCloseTimeout", SECONDS_OR_NONE, () -> start(r -> r.taskStartToCloseTimeout(bad)));
        }
        invalid("[1, 2, 3, 4, 5, 6]", "tagList", atMost(5), () -> start(r -> r.tagList("1", "2", "3", "4", "5", "6")));
        String longTag = "g".repeat(257);
        invalid(longTag, "tagList.2.member", atMost(256), () -> start(r -> r.tagList("ok", longTag)));
        invalid(ARN_1601, "lambdaRole", atMost(1600), () -> start(r -> r.lambdaRole(ARN_1601)));
        invalid("", "lambdaRole", NOT_EMPTY, () -> start(r -> r.lambdaRole("")));
        invalid("NEVER", "childPolicy", CHILD_POLICIES, () -> start(r -> r.childPolicy("NEVER")));
        invalid(
                validation(
                        error("high", "taskPriority", PRIORITY),
                        error(DATA_32769, "input", atMost(32768)),
                        error("NEVER", "childPolicy", CHILD_POLICIES)),
                () -> start(r -> r.taskPriority("high").input(DATA_32769).childPolicy("NEVER")));
    }

    @Test
    void startWorkflowExecutionRejectsUnknownDomainsAndTypes() {
        unknown("Unknown domain: nope", () -> start(r -> r.domain("nope")));
        unknown("Unknown type: WorkflowType=[name=Nope, version=1]", () -> start(r -> r.workflowType(NO_WORKFLOW)));
        unknown("Unknown type: WorkflowType=[name=Order, version=1]", () -> start(r -> r.domain(SPARE)));
    }

    @Test
    void startWorkflowExecutionRejectsADeprecatedDomain() {
        rejects(DomainDeprecatedException.class, "DomainDeprecatedFault", RETIRED, () -> start(r -> r.domain(RETIRED)));
    }

    @Test
    void startWorkflowExecutionRejectsADeprecatedType() {
        rejects(
                TypeDeprecatedException.class,
                "TypeDeprecatedFault",
                "WorkflowType=[name=Order, version=0]",
                () -> start(r -> r.workflowType(OLD_WORKFLOW)));
    }

    @Test
    void startWorkflowExecutionRejectsAWorkflowIdThatHasAnOpenRun() {
        rejects(
                WorkflowExecutionAlreadyStartedException.class,
                "WorkflowExecutionAlreadyStartedFault",
                "WorkflowExecution=[workflowId=open-run, runId=" + openRun.runId()
                        + "] is already open; a workflow id may have one open run at a time",
                () -> start(r -> r.workflowId(openRun.workflowId())));
    }

    @Test
    void startWorkflowExecutionNeedsWhatTheTypeHasNoDefaultFor() {
        String type = "WorkflowType=[name=Bare, version=1]";
        rejects(
                DefaultUndefinedException.class,
                "DefaultUndefinedFault",
                "taskList: the request gives none and " + type + " was registered without defaultTaskList. Give"
                        + " taskList when starting, or register a new version with a default.",
                () -> start(r -> r.workflowType(BARE_WORKFLOW)));
        rejects(
                DefaultUndefinedException.class,
                "DefaultUndefinedFault",
                "executionStartToCloseTimeout: the request gives none and " + type + " was registered without"
                        + " defaultExecutionStartToCloseTimeout. Give executionStartToCloseTimeout when starting, or"
                        + " register a new version with a default.",
                () -> start(r -> r.workflowType(BARE_WORKFLOW).taskList(list(DECISIONS))));
        rejects(
                DefaultUndefinedException.class,
                "DefaultUndefinedFault",
                "taskStartToCloseTimeout: the request gives none and " + type + " was registered without"
                        + " defaultTaskStartToCloseTimeout. Give taskStartToCloseTimeout when starting, or register"
                        + " a new version with a default.",
                () -> start(r ->
                        r.workflowType(BARE_WORKFLOW).taskList(list(DECISIONS)).executionStartToCloseTimeout("60")));
        rejects(
                DefaultUndefinedException.class,
                "DefaultUndefinedFault",
                "childPolicy: the request gives none and " + type + " was registered without defaultChildPolicy."
                        + " Give childPolicy when starting, or register a new version with a default.",
                () -> start(r -> r.workflowType(BARE_WORKFLOW)
                        .taskList(list(DECISIONS))
                        .executionStartToCloseTimeout("60")
                        .taskStartToCloseTimeout("10")));
    }

    // ---------------------------------------------------------------------------------------
    // Operating on executions

    @Test
    void describeWorkflowExecutionRejectsMissingMalformedAndUnknownRuns() {
        invalid(null, "domain", NOT_NULL, () -> swf.describeWorkflowExecution(r -> r.execution(openRun)));
        invalid(null, "execution", NOT_NULL, () -> swf.describeWorkflowExecution(r -> r.domain(DOMAIN)));
        invalid(
                null,
                "execution.workflowId",
                NOT_NULL,
                () -> swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(x -> x.runId(openRun.runId()))));
        invalid(
                null,
                "execution.runId",
                NOT_NULL,
                () -> swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(x -> x.workflowId("open-run"))));
        invalid(
                "",
                "execution.runId",
                NOT_EMPTY,
                () -> swf.describeWorkflowExecution(r ->
                        r.domain(DOMAIN).execution(x -> x.workflowId("open-run").runId(""))));
        String longRunId = "2".repeat(65);
        invalid(
                longRunId,
                "execution.runId",
                atMost(64),
                () -> swf.describeWorkflowExecution(r ->
                        r.domain(DOMAIN).execution(x -> x.workflowId("open-run").runId(longRunId))));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=open-run, runId=nope]",
                () -> swf.describeWorkflowExecution(r ->
                        r.domain(DOMAIN).execution(x -> x.workflowId("open-run").runId("nope"))));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=closed-run, runId=" + openRun.runId() + "]",
                () -> swf.describeWorkflowExecution(r -> r.domain(DOMAIN)
                        .execution(x -> x.workflowId("closed-run").runId(openRun.runId()))));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=open-run, runId=" + openRun.runId() + "]",
                () -> swf.describeWorkflowExecution(r -> r.domain(SPARE).execution(openRun)));
        unknown(
                "Unknown domain: nope",
                () -> swf.describeWorkflowExecution(r -> r.domain("nope").execution(openRun)));
    }

    @Test
    void getWorkflowExecutionHistoryRejectsBadArgumentsAndUnknownRuns() {
        invalid(null, "domain", NOT_NULL, () -> swf.getWorkflowExecutionHistory(r -> r.execution(openRun)));
        invalid(null, "execution", NOT_NULL, () -> swf.getWorkflowExecutionHistory(r -> r.domain(DOMAIN)));
        invalid(
                null,
                "execution.runId",
                NOT_NULL,
                () -> swf.getWorkflowExecutionHistory(r -> r.domain(DOMAIN).execution(x -> x.workflowId("open-run"))));
        invalid(1001, "maximumPageSize", PAGE_SIZE_ABOVE, () -> history(r -> r.maximumPageSize(1001)));
        invalid(-1, "maximumPageSize", PAGE_SIZE_BELOW, () -> history(r -> r.maximumPageSize(-1)));
        invalid(PAGE_TOKEN_2049, "nextPageToken", atMost(2048), () -> history(r -> r.nextPageToken(PAGE_TOKEN_2049)));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=open-run, runId=nope]",
                () -> swf.getWorkflowExecutionHistory(r ->
                        r.domain(DOMAIN).execution(x -> x.workflowId("open-run").runId("nope"))));
        unknown(
                "Unknown domain: nope",
                () -> swf.getWorkflowExecutionHistory(r -> r.domain("nope").execution(openRun)));
    }

    @Test
    void getWorkflowExecutionHistoryRejectsBadEditedForeignAndReplayedPageTokens() {
        String token = swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(openRun).maximumPageSize(2))
                .nextPageToken();
        assertNotNull(token);
        invalid("garbage", "nextPageToken", FOREIGN_TOKEN, () -> history(r -> r.nextPageToken("garbage")));
        String edited = edited(token);
        invalid(edited, "nextPageToken", FOREIGN_TOKEN, () -> history(r -> r.nextPageToken(edited)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(closedRun).nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> history(r -> r.reverseOrder(true).nextPageToken(token)));
        String domainsToken = swf.listDomains(
                        r -> r.registrationStatus(RegistrationStatus.REGISTERED).maximumPageSize(1))
                .nextPageToken();
        invalid(domainsToken, "nextPageToken", FOREIGN_TOKEN, () -> history(r -> r.nextPageToken(domainsToken)));
        assertEquals(
                3L,
                swf.getWorkflowExecutionHistory(r -> r.domain(DOMAIN)
                                .execution(openRun)
                                .maximumPageSize(2)
                                .nextPageToken(token))
                        .events()
                        .get(0)
                        .eventId(),
                "the token still works with the arguments it was issued for");
    }

    @Test
    void signalWorkflowExecutionRejectsBadArgumentsAndClosedOrUnknownRuns() {
        invalid(null, "domain", NOT_NULL, () -> signal(r -> r.domain(null)));
        invalid(null, "workflowId", NOT_NULL, () -> signal(r -> r.workflowId(null)));
        invalid(NAME_257, "workflowId", atMost(256), () -> signal(r -> r.workflowId(NAME_257)));
        String longRunId = "2".repeat(65);
        invalid(longRunId, "runId", atMost(64), () -> signal(r -> r.runId(longRunId)));
        invalid(null, "signalName", NOT_NULL, () -> signal(r -> r.signalName(null)));
        invalid(NAME_257, "signalName", atMost(256), () -> signal(r -> r.signalName(NAME_257)));
        invalid(DATA_32769, "input", atMost(32768), () -> signal(r -> r.input(DATA_32769)));
        invalid(
                validation(error(null, "signalName", NOT_NULL), error(DATA_32769, "input", atMost(32768))),
                () -> signal(r -> r.signalName(null).input(DATA_32769)));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=closed-run, runId=" + closedRun.runId() + "]",
                () -> signal(r -> r.workflowId("closed-run").runId(closedRun.runId())));
        unknown(
                "Unknown execution, workflowId = closed-run",
                () -> signal(r -> r.workflowId("closed-run").runId(null)));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=closed-run, runId=" + openRun.runId() + "]",
                () -> signal(r -> r.workflowId("closed-run")));
        unknown("Unknown domain: nope", () -> signal(r -> r.domain("nope")));
    }

    @Test
    void requestCancelWorkflowExecutionRejectsBadArgumentsAndClosedOrUnknownRuns() {
        invalid(null, "domain", NOT_NULL, () -> swf.requestCancelWorkflowExecution(r -> r.workflowId("open-run")));
        invalid(null, "workflowId", NOT_NULL, () -> swf.requestCancelWorkflowExecution(r -> r.domain(DOMAIN)));
        invalid(
                NAME_257,
                "workflowId",
                atMost(256),
                () -> swf.requestCancelWorkflowExecution(r -> r.domain(DOMAIN).workflowId(NAME_257)));
        String longRunId = "2".repeat(65);
        invalid(
                longRunId,
                "runId",
                atMost(64),
                () -> swf.requestCancelWorkflowExecution(
                        r -> r.domain(DOMAIN).workflowId("open-run").runId(longRunId)));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=closed-run, runId=" + closedRun.runId() + "]",
                () -> swf.requestCancelWorkflowExecution(
                        r -> r.domain(DOMAIN).workflowId("closed-run").runId(closedRun.runId())));
        unknown(
                "Unknown execution, workflowId = nope",
                () -> swf.requestCancelWorkflowExecution(r -> r.domain(DOMAIN).workflowId("nope")));
        unknown(
                "Unknown domain: nope",
                () -> swf.requestCancelWorkflowExecution(r -> r.domain("nope").workflowId("open-run")));
    }

    @Test
    void terminateWorkflowExecutionRejectsBadArgumentsAndClosedOrUnknownRuns() {
        invalid(null, "domain", NOT_NULL, () -> terminate(r -> r.domain(null)));
        invalid(null, "workflowId", NOT_NULL, () -> terminate(r -> r.workflowId(null)));
        String longRunId = "2".repeat(65);
        invalid(longRunId, "runId", atMost(64), () -> terminate(r -> r.runId(longRunId)));
        invalid(REASON_257, "reason", atMost(256), () -> terminate(r -> r.reason(REASON_257)));
        invalid(DATA_32769, "details", atMost(32768), () -> terminate(r -> r.details(DATA_32769)));
        invalid("NEVER", "childPolicy", CHILD_POLICIES, () -> terminate(r -> r.childPolicy("NEVER")));
        invalid(
                validation(
                        error(REASON_257, "reason", atMost(256)),
                        error(DATA_32769, "details", atMost(32768)),
                        error("NEVER", "childPolicy", CHILD_POLICIES)),
                () -> terminate(r -> r.reason(REASON_257).details(DATA_32769).childPolicy("NEVER")));
        unknown(
                "Unknown execution: WorkflowExecution=[workflowId=closed-run, runId=" + closedRun.runId() + "]",
                () -> terminate(r -> r.workflowId("closed-run").runId(closedRun.runId())));
        unknown(
                "Unknown execution, workflowId = closed-run",
                () -> terminate(r -> r.workflowId("closed-run").runId(null)));
        unknown("Unknown domain: nope", () -> terminate(r -> r.domain("nope")));
    }

    // ---------------------------------------------------------------------------------------
    // Decision tasks

    @Test
    void pollForDecisionTaskRejectsBadArguments() {
        invalid(null, "domain", NOT_NULL, () -> swf.pollForDecisionTask(r -> r.taskList(list(DECISIONS))));
        invalid(NAME_257, "domain", atMost(256), () -> pollDecision(r -> r.domain(NAME_257)));
        invalid(null, "taskList", NOT_NULL, () -> pollDecision(r -> r.taskList((TaskList) null)));
        invalid(
                null,
                "taskList.name",
                NOT_NULL,
                () -> pollDecision(r -> r.taskList(TaskList.builder().build())));
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    "taskList.name",
                    bad.constraint(),
                    () -> pollDecision(r -> r.taskList(list(bad.value()))));
        }
        invalid(REASON_257, "identity", atMost(256), () -> pollDecision(r -> r.identity(REASON_257)));
        invalid(1001, "maximumPageSize", PAGE_SIZE_ABOVE, () -> pollDecision(r -> r.maximumPageSize(1001)));
        invalid(-1, "maximumPageSize", PAGE_SIZE_BELOW, () -> pollDecision(r -> r.maximumPageSize(-1)));
        invalid(
                PAGE_TOKEN_2049,
                "nextPageToken",
                atMost(2048),
                () -> pollDecision(r -> r.nextPageToken(PAGE_TOKEN_2049)));
        unknown("Unknown domain: nope", () -> pollDecision(r -> r.domain("nope")));
    }

    @Test
    void pollForDecisionTaskRejectsBadEditedForeignReplayedAndStalePageTokens() {
        PollForDecisionTaskResponse task = swf.pollForDecisionTask(
                r -> r.domain(DOMAIN).taskList(list(DECISIONS)).maximumPageSize(2));
        String token = task.nextPageToken();
        assertNotNull(token);
        invalid("garbage", "nextPageToken", FOREIGN_TOKEN, () -> pollDecision(r -> r.nextPageToken("garbage")));
        String edited = edited(token);
        invalid(edited, "nextPageToken", FOREIGN_TOKEN, () -> pollDecision(r -> r.nextPageToken(edited)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> pollDecision(r -> r.taskList(list("elsewhere")).nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> pollDecision(r -> r.reverseOrder(true).nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                FOREIGN_TOKEN,
                () -> swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(openRun).nextPageToken(token)));
        String historyToken = swf.getWorkflowExecutionHistory(
                        r -> r.domain(DOMAIN).execution(openRun).maximumPageSize(2))
                .nextPageToken();
        invalid(historyToken, "nextPageToken", FOREIGN_TOKEN, () -> pollDecision(r -> r.nextPageToken(historyToken)));
        t.decide(task);
        unknown(
                UNKNOWN_DECISION_TASK,
                () -> pollDecision(r -> r.maximumPageSize(2).nextPageToken(token)));
    }

    @Test
    void respondDecisionTaskCompletedRejectsMissingForgedAndStaleTokens() {
        invalid(null, "taskToken", NOT_NULL, () -> swf.respondDecisionTaskCompleted(r -> r.decisions(complete("x"))));
        invalid("", "taskToken", NOT_EMPTY, respond("", complete("x")));
        invalid(TASK_TOKEN_1025, "taskToken", atMost(1024), respond(TASK_TOKEN_1025, complete("x")));
        unknown(UNKNOWN_DECISION_TASK, respond("forged-token", complete("x")));
        unknown(UNKNOWN_DECISION_TASK, respond(staleDecisionToken, complete("x")));
        unknown(UNKNOWN_DECISION_TASK, respond(startedActivityToken, complete("x")));
        PollForDecisionTaskResponse task = t.decisionTask();
        t.decide(task);
        unknown(UNKNOWN_DECISION_TASK, respond(task.taskToken()));
    }

    @Test
    void respondDecisionTaskCompletedRejectsUnknownUntypedAndIncompleteDecisions() {
        String token = t.decisionTask().taskToken();
        invalid(
                "LaunchRocket",
                "decisions.1.member.decisionType",
                DECISION_TYPES,
                respond(token, Decision.builder().decisionType("LaunchRocket").build()));
        invalid(
                null,
                "decisions.1.member.decisionType",
                NOT_NULL,
                respond(token, Decision.builder().build()));
        for (DecisionType type : List.of(
                DecisionType.SCHEDULE_ACTIVITY_TASK,
                DecisionType.REQUEST_CANCEL_ACTIVITY_TASK,
                DecisionType.RECORD_MARKER,
                DecisionType.START_TIMER,
                DecisionType.CANCEL_TIMER,
                DecisionType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION,
                DecisionType.REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION,
                DecisionType.START_CHILD_WORKFLOW_EXECUTION,
                DecisionType.SCHEDULE_LAMBDA_FUNCTION)) {
            String name = type.toString();
            String attributes = Character.toLowerCase(name.charAt(0)) + name.substring(1) + "DecisionAttributes";
            invalid(
                    null,
                    "decisions.2.member." + attributes,
                    NOT_NULL,
                    respond(
                            token,
                            startTimer("fine", "5"),
                            Decision.builder().decisionType(type).build()));
        }
        invalid(
                null,
                SCHEDULE + ".activityType",
                NOT_NULL,
                respond(token, scheduling(a -> a.activityType((ActivityType) null))));
        invalid(null, SCHEDULE + ".activityId", NOT_NULL, respond(token, scheduling(a -> a.activityId(null))));
        invalid(null, TIMER + ".timerId", NOT_NULL, respond(token, timer(a -> a.timerId(null))));
        invalid(null, TIMER + ".startToFireTimeout", NOT_NULL, respond(token, timer(a -> a.startToFireTimeout(null))));
        invalid(
                null,
                "decisions.1.member.recordMarkerDecisionAttributes.markerName",
                NOT_NULL,
                respond(
                        token,
                        Decision.builder()
                                .decisionType(DecisionType.RECORD_MARKER)
                                .recordMarkerDecisionAttributes(a -> a.details("no name"))
                                .build()));
        invalid(
                null,
                "decisions.1.member.signalExternalWorkflowExecutionDecisionAttributes.signalName",
                NOT_NULL,
                respond(
                        token,
                        Decision.builder()
                                .decisionType(DecisionType.SIGNAL_EXTERNAL_WORKFLOW_EXECUTION)
                                .signalExternalWorkflowExecutionDecisionAttributes(a -> a.workflowId("closed-run"))
                                .build()));
    }

    @Test
    void respondDecisionTaskCompletedRejectsBadNamesInDecisions() {
        String token = t.decisionTask().taskToken();
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    SCHEDULE + ".activityId",
                    bad.constraint(),
                    respond(token, scheduling(a -> a.activityId(bad.value()))));
            invalid(
                    bad.value(),
                    SCHEDULE + ".activityType.name",
                    bad.constraint(),
                    respond(
                            token,
                            scheduling(
                                    a -> a.activityType(x -> x.name(bad.value()).version("1")))));
            invalid(
                    bad.value(),
                    SCHEDULE + ".taskList.name",
                    bad.constraint(),
                    respond(token, scheduling(a -> a.taskList(list(bad.value())))));
            invalid(
                    bad.value(),
                    TIMER + ".timerId",
                    bad.constraint(),
                    respond(token, timer(a -> a.timerId(bad.value()))));
            invalid(
                    bad.value(),
                    "decisions.1.member.startChildWorkflowExecutionDecisionAttributes.workflowId",
                    bad.constraint(),
                    respond(
                            token,
                            Decision.builder()
                                    .decisionType(DecisionType.START_CHILD_WORKFLOW_EXECUTION)
                                    .startChildWorkflowExecutionDecisionAttributes(
                                            a -> a.workflowType(WORKFLOW).workflowId(bad.value()))
                                    .build()));
            invalid(
                    bad.value(),
                    "taskList.name",
                    bad.constraint(),
                    () -> swf.respondDecisionTaskCompleted(
                            r -> r.taskToken(token).taskList(list(bad.value()))));
        }
        for (BadName bad : badNames(64)) {
            invalid(
                    bad.value(),
                    SCHEDULE + ".activityType.version",
                    bad.constraint(),
                    respond(
                            token,
                            scheduling(a -> a.activityType(x -> x.name("charge").version(bad.value())))));
        }
    }

    @Test
    void respondDecisionTaskCompletedRejectsOversizeAndMalformedDecisionFields() {
        String token = t.decisionTask().taskToken();
        invalid(DATA_32769, SCHEDULE + ".input", atMost(32768), respond(token, scheduling(a -> a.input(DATA_32769))));
        invalid(
                DATA_32769,
                SCHEDULE + ".control",
                atMost(32768),
                respond(token, scheduling(a -> a.control(DATA_32769))));
        invalid("high", SCHEDULE + ".taskPriority", PRIORITY, respond(token, scheduling(a -> a.taskPriority("high"))));
        invalid(
                "abc",
                SCHEDULE + ".scheduleToCloseTimeout",
                SECONDS_OR_NONE,
                respond(token, scheduling(a -> a.scheduleToCloseTimeout("abc"))));
        invalid(
                NINE_DIGITS,
                SCHEDULE + ".heartbeatTimeout",
                SECONDS_OR_NONE,
                respond(token, scheduling(a -> a.heartbeatTimeout(NINE_DIGITS))));
        for (String bad : List.of("NONE", "abc", NINE_DIGITS, "-5")) {
            invalid(bad, TIMER + ".startToFireTimeout", SECONDS, respond(token, timer(a -> a.startToFireTimeout(bad))));
        }
        invalid(DATA_32769, TIMER + ".control", atMost(32768), respond(token, timer(a -> a.control(DATA_32769))));
        invalid(
                NAME_257,
                "decisions.1.member.cancelTimerDecisionAttributes.timerId",
                atMost(256),
                respond(
                        token,
                        Decision.builder()
                                .decisionType(DecisionType.CANCEL_TIMER)
                                .cancelTimerDecisionAttributes(a -> a.timerId(NAME_257))
                                .build()));
        invalid(
                DATA_32769,
                "decisions.1.member.recordMarkerDecisionAttributes.details",
                atMost(32768),
                respond(token, marker("m", DATA_32769)));
        invalid(
                DATA_32769,
                "decisions.1.member.completeWorkflowExecutionDecisionAttributes.result",
                atMost(32768),
                respond(token, complete(DATA_32769)));
        invalid(
                REASON_257,
                "decisions.1.member.failWorkflowExecutionDecisionAttributes.reason",
                atMost(256),
                respond(token, fail(REASON_257, "d")));
        invalid(
                DATA_32769,
                "decisions.1.member.failWorkflowExecutionDecisionAttributes.details",
                atMost(32768),
                respond(token, fail("r", DATA_32769)));
        invalid(
                DATA_32769,
                "decisions.1.member.cancelWorkflowExecutionDecisionAttributes.details",
                atMost(32768),
                respond(token, cancel(DATA_32769)));
        String continueAsNew = "decisions.1.member.continueAsNewWorkflowExecutionDecisionAttributes";
        invalid(
                "NEVER",
                continueAsNew + ".childPolicy",
                CHILD_POLICIES,
                respond(
                        token,
                        Decision.builder()
                                .decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
                                .continueAsNewWorkflowExecutionDecisionAttributes(a -> a.childPolicy("NEVER"))
                                .build()));
        invalid(
                "2:0",
                continueAsNew + ".workflowTypeVersion",
                SEPARATORS,
                respond(
                        token,
                        Decision.builder()
                                .decisionType(DecisionType.CONTINUE_AS_NEW_WORKFLOW_EXECUTION)
                                .continueAsNewWorkflowExecutionDecisionAttributes(a -> a.workflowTypeVersion("2:0"))
                                .build()));
        String lambda = "decisions.1.member.scheduleLambdaFunctionDecisionAttributes";
        for (String bad : List.of("0", "901")) {
            invalid(
                    bad,
                    lambda + ".startToCloseTimeout",
                    "Member must be from 1 to 900 seconds",
                    respond(
                            token,
                            Decision.builder()
                                    .decisionType(DecisionType.SCHEDULE_LAMBDA_FUNCTION)
                                    .scheduleLambdaFunctionDecisionAttributes(
                                            a -> a.id("l").name("fn").startToCloseTimeout(bad))
                                    .build()));
        }
        String runId = "2".repeat(65);
        invalid(
                runId,
                "decisions.1.member.requestCancelExternalWorkflowExecutionDecisionAttributes.runId",
                atMost(64),
                respond(token, cancelExternal("closed-run", runId)));
        invalid(
                DATA_32769,
                "executionContext",
                atMost(32768),
                () -> swf.respondDecisionTaskCompleted(r -> r.taskToken(token).executionContext(DATA_32769)));
        invalid(
                "abc",
                "taskListScheduleToStartTimeout",
                SECONDS_OR_NONE,
                () -> swf.respondDecisionTaskCompleted(r -> r.taskToken(token).taskListScheduleToStartTimeout("abc")));
        invalid(
                validation(
                        error("high", SCHEDULE + ".taskPriority", PRIORITY),
                        error("abc", "decisions.2.member.startTimerDecisionAttributes.startToFireTimeout", SECONDS)),
                respond(token, scheduling(a -> a.taskPriority("high")), startTimer("t2", "abc")));
    }

    @Test
    void respondDecisionTaskCompletedRejectsACloseDecisionThatIsNotLastOrNotAlone() {
        String token = t.decisionTask().taskToken();
        invalid(
                "Close must be last decision in list (decision 1 of 2 is CompleteWorkflowExecution)",
                respond(token, complete("early"), startTimer("t2", "5")));
        invalid(
                "Close must be last decision in list (decision 2 of 3 is FailWorkflowExecution)",
                respond(token, startTimer("t2", "5"), fail("r", "d"), startTimer("t3", "5")));
        invalid(
                "FailWorkflowExecution",
                "decisions.2.member.decisionType",
                "A decision list may close the workflow execution only once",
                respond(token, complete("one"), fail("two", "d")));
    }

    @Test
    void aRejectedDecisionListLeavesTheDecisionTaskUsable() {
        PollForDecisionTaskResponse task = t.decisionTask();
        invalid(
                "Close must be last decision in list (decision 1 of 2 is CompleteWorkflowExecution)",
                respond(task.taskToken(), complete("early"), startTimer("t2", "5")));
        invalid(null, TIMER + ".timerId", NOT_NULL, respond(task.taskToken(), timer(a -> a.timerId(null))));
        t.decide(task, startTimer("t2", "5"));
        assertEquals(
                2,
                swf.describeWorkflowExecution(r -> r.domain(DOMAIN).execution(openRun))
                        .openCounts()
                        .openTimers());
    }

    // ---------------------------------------------------------------------------------------
    // Activity tasks

    @Test
    void pollForActivityTaskRejectsBadArguments() {
        invalid(null, "domain", NOT_NULL, () -> swf.pollForActivityTask(r -> r.taskList(list(ACTIVITIES))));
        invalid(NAME_257, "domain", atMost(256), () -> pollActivity(r -> r.domain(NAME_257)));
        invalid(null, "taskList", NOT_NULL, () -> pollActivity(r -> r.taskList((TaskList) null)));
        invalid(
                null,
                "taskList.name",
                NOT_NULL,
                () -> pollActivity(r -> r.taskList(TaskList.builder().build())));
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    "taskList.name",
                    bad.constraint(),
                    () -> pollActivity(r -> r.taskList(list(bad.value()))));
        }
        invalid(REASON_257, "identity", atMost(256), () -> pollActivity(r -> r.identity(REASON_257)));
        invalid(
                validation(error(null, "domain", NOT_NULL), error(null, "taskList", NOT_NULL)),
                () -> swf.pollForActivityTask(r -> r.identity("worker")));
        unknown("Unknown domain: nope", () -> pollActivity(r -> r.domain("nope")));
    }

    @Test
    void recordActivityTaskHeartbeatRejectsBadForgedAndStaleTokens() {
        invalid(null, "taskToken", NOT_NULL, () -> swf.recordActivityTaskHeartbeat(r -> r.details("d")));
        invalid("", "taskToken", NOT_EMPTY, () -> swf.recordActivityTaskHeartbeat(r -> r.taskToken("")));
        invalid(
                TASK_TOKEN_1025,
                "taskToken",
                atMost(1024),
                () -> swf.recordActivityTaskHeartbeat(r -> r.taskToken(TASK_TOKEN_1025)));
        invalid(
                HEARTBEAT_2049,
                "details",
                atMost(2048),
                () -> swf.recordActivityTaskHeartbeat(
                        r -> r.taskToken(startedActivityToken).details(HEARTBEAT_2049)));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.recordActivityTaskHeartbeat(r -> r.taskToken("forged-token")));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.recordActivityTaskHeartbeat(r -> r.taskToken(staleActivityToken)));
        String decisionToken = t.decisionTask().taskToken();
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.recordActivityTaskHeartbeat(r -> r.taskToken(decisionToken)));
    }

    @Test
    void respondActivityTaskCompletedRejectsBadForgedAndStaleTokens() {
        invalid(null, "taskToken", NOT_NULL, () -> swf.respondActivityTaskCompleted(r -> r.result("r")));
        invalid(
                TASK_TOKEN_1025,
                "taskToken",
                atMost(1024),
                () -> swf.respondActivityTaskCompleted(r -> r.taskToken(TASK_TOKEN_1025)));
        invalid(
                DATA_32769,
                "result",
                atMost(32768),
                () -> swf.respondActivityTaskCompleted(
                        r -> r.taskToken(startedActivityToken).result(DATA_32769)));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskCompleted(r -> r.taskToken("forged-token")));
        unknown(
                UNKNOWN_ACTIVITY_TASK,
                () -> swf.respondActivityTaskCompleted(
                        r -> r.taskToken(staleActivityToken).result("again")));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskCompleted(r -> r.taskToken(staleDecisionToken)));
    }

    @Test
    void respondActivityTaskFailedRejectsBadForgedAndStaleTokens() {
        invalid(null, "taskToken", NOT_NULL, () -> swf.respondActivityTaskFailed(r -> r.reason("r")));
        invalid(
                REASON_257,
                "reason",
                atMost(256),
                () -> swf.respondActivityTaskFailed(
                        r -> r.taskToken(startedActivityToken).reason(REASON_257)));
        invalid(
                DATA_32769,
                "details",
                atMost(32768),
                () -> swf.respondActivityTaskFailed(
                        r -> r.taskToken(startedActivityToken).details(DATA_32769)));
        invalid(
                validation(
                        error(null, "taskToken", NOT_NULL),
                        error(REASON_257, "reason", atMost(256)),
                        error(DATA_32769, "details", atMost(32768))),
                () -> swf.respondActivityTaskFailed(r -> r.reason(REASON_257).details(DATA_32769)));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskFailed(r -> r.taskToken("forged-token")));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskFailed(r -> r.taskToken(staleActivityToken)));
    }

    @Test
    void respondActivityTaskCanceledRejectsBadForgedAndStaleTokens() {
        invalid(null, "taskToken", NOT_NULL, () -> swf.respondActivityTaskCanceled(r -> r.details("d")));
        invalid("", "taskToken", NOT_EMPTY, () -> swf.respondActivityTaskCanceled(r -> r.taskToken("")));
        invalid(
                DATA_32769,
                "details",
                atMost(32768),
                () -> swf.respondActivityTaskCanceled(
                        r -> r.taskToken(startedActivityToken).details(DATA_32769)));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskCanceled(r -> r.taskToken("forged-token")));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskCanceled(r -> r.taskToken(staleActivityToken)));
    }

    @Test
    void activityTaskTokensStopWorkingWhenTheirExecutionCloses() {
        swf.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId("open-run"));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.respondActivityTaskCompleted(r -> r.taskToken(startedActivityToken)));
        unknown(UNKNOWN_ACTIVITY_TASK, () -> swf.recordActivityTaskHeartbeat(r -> r.taskToken(startedActivityToken)));
    }

    // ---------------------------------------------------------------------------------------
    // Visibility

    @Test
    void listOpenWorkflowExecutionsRejectsBadArgumentsAndConflictingFilters() {
        invalid(null, "domain", NOT_NULL, () -> listOpen(r -> r.domain(null)));
        invalid(null, "startTimeFilter", NOT_NULL, () -> listOpen(r -> r.startTimeFilter((ExecutionTimeFilter) null)));
        invalid(
                null,
                "startTimeFilter.oldestDate",
                NOT_NULL,
                () -> listOpen(r -> r.startTimeFilter(f -> f.latestDate(Instant.EPOCH))));
        invalid(
                String.format(EXCLUSIVE_FILTERS, "[executionFilter, typeFilter]"),
                () -> listOpen(r -> r.executionFilter(byId("open-run")).typeFilter(byType("Order"))));
        invalid(
                String.format(EXCLUSIVE_FILTERS, "[executionFilter, typeFilter, tagFilter]"),
                () -> listOpen(r -> r.executionFilter(byId("open-run"))
                        .typeFilter(byType("Order"))
                        .tagFilter(byTag("t"))));
        invalid(
                null,
                "executionFilter.workflowId",
                NOT_NULL,
                () -> listOpen(
                        r -> r.executionFilter(WorkflowExecutionFilter.builder().build())));
        invalid(
                null,
                "typeFilter.name",
                NOT_NULL,
                () -> listOpen(r ->
                        r.typeFilter(WorkflowTypeFilter.builder().version("1").build())));
        invalid(
                VERSION_65,
                "typeFilter.version",
                atMost(64),
                () -> listOpen(r -> r.typeFilter(f -> f.name("Order").version(VERSION_65))));
        String longTag = "g".repeat(257);
        invalid(longTag, "tagFilter.tag", atMost(256), () -> listOpen(r -> r.tagFilter(byTag(longTag))));
        invalid(1001, "maximumPageSize", PAGE_SIZE_ABOVE, () -> listOpen(r -> r.maximumPageSize(1001)));
        invalid(-1, "maximumPageSize", PAGE_SIZE_BELOW, () -> listOpen(r -> r.maximumPageSize(-1)));
        invalid(PAGE_TOKEN_2049, "nextPageToken", atMost(2048), () -> listOpen(r -> r.nextPageToken(PAGE_TOKEN_2049)));
        invalid(
                validation(error(null, "domain", NOT_NULL), error(null, "startTimeFilter", NOT_NULL)),
                () -> swf.listOpenWorkflowExecutions(r -> r.maximumPageSize(5)));
        unknown("Unknown domain: nope", () -> listOpen(r -> r.domain("nope")));
    }

    @Test
    void listOpenWorkflowExecutionsRejectsBadEditedForeignAndReplayedPageTokens() {
        t.start("second-run");
        String token = swf.listOpenWorkflowExecutions(
                        r -> r.domain(DOMAIN).startTimeFilter(ALL_TIME).maximumPageSize(1))
                .nextPageToken();
        assertNotNull(token);
        invalid("garbage", "nextPageToken", FOREIGN_TOKEN, () -> listOpen(r -> r.nextPageToken("garbage")));
        String edited = edited(token);
        invalid(edited, "nextPageToken", FOREIGN_TOKEN, () -> listOpen(r -> r.nextPageToken(edited)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listOpen(r -> r.startTimeFilter(f -> f.oldestDate(Instant.EPOCH.plusSeconds(1)))
                        .nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listOpen(r -> r.typeFilter(byType("Order")).nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listOpen(r -> r.reverseOrder(true).nextPageToken(token)));
        invalid(token, "nextPageToken", FOREIGN_TOKEN, () -> listClosed(r -> r.nextPageToken(token)));
    }

    @Test
    void countOpenWorkflowExecutionsRejectsBadArgumentsAndConflictingFilters() {
        invalid(null, "domain", NOT_NULL, () -> countOpen(r -> r.domain(null)));
        invalid(null, "startTimeFilter", NOT_NULL, () -> countOpen(r -> r.startTimeFilter((ExecutionTimeFilter) null)));
        invalid(
                null,
                "startTimeFilter.oldestDate",
                NOT_NULL,
                () -> countOpen(
                        r -> r.startTimeFilter(ExecutionTimeFilter.builder().build())));
        invalid(
                String.format(EXCLUSIVE_FILTERS, "[executionFilter, tagFilter]"),
                () -> countOpen(r -> r.executionFilter(byId("open-run")).tagFilter(byTag("t"))));
        invalid(NAME_257, "typeFilter.name", atMost(256), () -> countOpen(r -> r.typeFilter(byType(NAME_257))));
        unknown("Unknown domain: nope", () -> countOpen(r -> r.domain("nope")));
    }

    @Test
    void listClosedWorkflowExecutionsRejectsBadArgumentsAndConflictingFilters() {
        invalid(null, "domain", NOT_NULL, () -> listClosed(r -> r.domain(null)));
        invalid(
                "startTimeFilter and closeTimeFilter are mutually exclusive: give exactly one",
                () -> listClosed(r -> r.closeTimeFilter(ALL_TIME)));
        invalid(
                "Either startTimeFilter or closeTimeFilter must be given (exactly one)",
                () -> listClosed(r -> r.startTimeFilter((ExecutionTimeFilter) null)));
        invalid(
                null,
                "closeTimeFilter.oldestDate",
                NOT_NULL,
                () -> listClosed(r -> r.startTimeFilter((ExecutionTimeFilter) null)
                        .closeTimeFilter(ExecutionTimeFilter.builder().build())));
        invalid(
                "DONE",
                "closeStatusFilter.status",
                CLOSE_STATUSES,
                () -> listClosed(r -> r.closeStatusFilter(f -> f.status("DONE"))));
        invalid(
                null,
                "closeStatusFilter.status",
                NOT_NULL,
                () -> listClosed(
                        r -> r.closeStatusFilter(CloseStatusFilter.builder().build())));
        invalid(
                String.format(EXCLUSIVE_FILTERS, "[executionFilter, closeStatusFilter]"),
                () -> listClosed(r ->
                        r.executionFilter(byId("closed-run")).closeStatusFilter(f -> f.status(CloseStatus.COMPLETED))));
        invalid(
                String.format(EXCLUSIVE_FILTERS, "[closeStatusFilter, typeFilter]"),
                () -> listClosed(r -> r.closeStatusFilter(f -> f.status(CloseStatus.COMPLETED))
                        .typeFilter(byType("Order"))));
        invalid(1001, "maximumPageSize", PAGE_SIZE_ABOVE, () -> listClosed(r -> r.maximumPageSize(1001)));
        invalid(-1, "maximumPageSize", PAGE_SIZE_BELOW, () -> listClosed(r -> r.maximumPageSize(-1)));
        unknown("Unknown domain: nope", () -> listClosed(r -> r.domain("nope")));
    }

    @Test
    void listClosedWorkflowExecutionsRejectsBadEditedForeignAndReplayedPageTokens() {
        swf.terminateWorkflowExecution(r -> r.domain(DOMAIN).workflowId("open-run"));
        String token = swf.listClosedWorkflowExecutions(
                        r -> r.domain(DOMAIN).startTimeFilter(ALL_TIME).maximumPageSize(1))
                .nextPageToken();
        assertNotNull(token);
        invalid("garbage", "nextPageToken", FOREIGN_TOKEN, () -> listClosed(r -> r.nextPageToken("garbage")));
        String edited = edited(token);
        invalid(edited, "nextPageToken", FOREIGN_TOKEN, () -> listClosed(r -> r.nextPageToken(edited)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listClosed(r -> r.startTimeFilter((ExecutionTimeFilter) null)
                        .closeTimeFilter(ALL_TIME)
                        .nextPageToken(token)));
        invalid(
                token,
                "nextPageToken",
                OTHER_ARGUMENTS,
                () -> listClosed(r -> r.closeStatusFilter(f -> f.status(CloseStatus.TERMINATED))
                        .nextPageToken(token)));
        invalid(token, "nextPageToken", FOREIGN_TOKEN, () -> listOpen(r -> r.nextPageToken(token)));
    }

    @Test
    void countClosedWorkflowExecutionsRejectsBadArgumentsAndConflictingFilters() {
        invalid(null, "domain", NOT_NULL, () -> countClosed(r -> r.domain(null)));
        invalid(
                "startTimeFilter and closeTimeFilter are mutually exclusive: give exactly one",
                () -> countClosed(r -> r.closeTimeFilter(ALL_TIME)));
        invalid(
                "Either startTimeFilter or closeTimeFilter must be given (exactly one)",
                () -> countClosed(r -> r.startTimeFilter((ExecutionTimeFilter) null)));
        invalid(
                "DONE",
                "closeStatusFilter.status",
                CLOSE_STATUSES,
                () -> countClosed(r -> r.closeStatusFilter(f -> f.status("DONE"))));
        invalid(
                String.format(EXCLUSIVE_FILTERS, "[executionFilter, closeStatusFilter, typeFilter, tagFilter]"),
                () -> countClosed(r -> r.executionFilter(byId("closed-run"))
                        .closeStatusFilter(f -> f.status(CloseStatus.COMPLETED))
                        .typeFilter(byType("Order"))
                        .tagFilter(byTag("t"))));
        unknown("Unknown domain: nope", () -> countClosed(r -> r.domain("nope")));
    }

    @Test
    void countPendingActivityTasksRejectsBadArgumentsAndUnknownDomains() {
        invalid(null, "domain", NOT_NULL, () -> swf.countPendingActivityTasks(r -> r.taskList(list(ACTIVITIES))));
        invalid(null, "taskList", NOT_NULL, () -> swf.countPendingActivityTasks(r -> r.domain(DOMAIN)));
        invalid(
                null,
                "taskList.name",
                NOT_NULL,
                () -> swf.countPendingActivityTasks(
                        r -> r.domain(DOMAIN).taskList(TaskList.builder().build())));
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    "taskList.name",
                    bad.constraint(),
                    () -> swf.countPendingActivityTasks(r -> r.domain(DOMAIN).taskList(list(bad.value()))));
        }
        unknown(
                "Unknown domain: nope",
                () -> swf.countPendingActivityTasks(r -> r.domain("nope").taskList(list(ACTIVITIES))));
    }

    @Test
    void countPendingDecisionTasksRejectsBadArgumentsAndUnknownDomains() {
        invalid(null, "domain", NOT_NULL, () -> swf.countPendingDecisionTasks(r -> r.taskList(list(DECISIONS))));
        invalid(null, "taskList", NOT_NULL, () -> swf.countPendingDecisionTasks(r -> r.domain(DOMAIN)));
        for (BadName bad : badNames(256)) {
            invalid(
                    bad.value(),
                    "taskList.name",
                    bad.constraint(),
                    () -> swf.countPendingDecisionTasks(r -> r.domain(DOMAIN).taskList(list(bad.value()))));
        }
        unknown(
                "Unknown domain: nope",
                () -> swf.countPendingDecisionTasks(r -> r.domain("nope").taskList(list(DECISIONS))));
    }

    // ---------------------------------------------------------------------------------------
    // Tags

    @Test
    void tagResourceRejectsBadArgumentsAndUnknownResources() {
        invalid(null, "resourceArn", NOT_NULL, () -> swf.tagResource(r -> r.tags(tag("k", "v"))));
        invalid(null, "tags", NOT_NULL, () -> swf.tagResource(r -> r.resourceArn(arn)));
        invalid(
                validation(error(null, "resourceArn", NOT_NULL), error(null, "tags", NOT_NULL)),
                () -> swf.tagResource(r -> {}));
        invalid(
                ARN_1601,
                "resourceArn",
                atMost(1600),
                () -> swf.tagResource(r -> r.resourceArn(ARN_1601).tags(tag("k", "v"))));
        invalid(
                "",
                "tags.1.member.key",
                NOT_EMPTY,
                () -> swf.tagResource(r -> r.resourceArn(arn).tags(tag("", "v"))));
        String longKey = "k".repeat(129);
        invalid(
                longKey,
                "tags.1.member.key",
                atMost(128),
                () -> swf.tagResource(r -> r.resourceArn(arn).tags(tag(longKey, "v"))));
        invalid(
                "a*b",
                "tags.1.member.key",
                TAG_CHARACTERS,
                () -> swf.tagResource(r -> r.resourceArn(arn).tags(tag("a*b", "v"))));
        unknown(
                "Unknown resource: " + UNKNOWN_ARN,
                () -> swf.tagResource(r -> r.resourceArn(UNKNOWN_ARN).tags(tag("k", "v"))));
        String otherRegion = arn.replace("us-east-1", "eu-west-1");
        unknown(
                "Unknown resource: " + otherRegion,
                () -> swf.tagResource(r -> r.resourceArn(otherRegion).tags(tag("k", "v"))));
    }

    @Test
    void tagResourceRejectsTagsBeyondFiftyPerDomain() {
        List<ResourceTag> tags = new ArrayList<>();
        for (int i = 1; i <= 49; i++) {
            tags.add(tag("key" + i, "value"));
        }
        rejects(
                TooManyTagsException.class,
                "TooManyTagsFault",
                "A domain may have at most 50 tags; " + arn + " would have 51",
                () -> swf.tagResource(r -> r.resourceArn(arn).tags(tags)));
    }

    @Test
    void untagResourceRejectsBadArgumentsAndUnknownResources() {
        invalid(null, "resourceArn", NOT_NULL, () -> swf.untagResource(r -> r.tagKeys("team")));
        invalid(null, "tagKeys", NOT_NULL, () -> swf.untagResource(r -> r.resourceArn(arn)));
        invalid(
                "",
                "tagKeys.2.member",
                NOT_EMPTY,
                () -> swf.untagResource(r -> r.resourceArn(arn).tagKeys("team", "")));
        String longKey = "k".repeat(129);
        invalid(
                longKey,
                "tagKeys.1.member",
                atMost(128),
                () -> swf.untagResource(r -> r.resourceArn(arn).tagKeys(longKey)));
        unknown(
                "Unknown resource: " + UNKNOWN_ARN,
                () -> swf.untagResource(r -> r.resourceArn(UNKNOWN_ARN).tagKeys("team")));
    }

    @Test
    void listTagsForResourceRejectsBadArgumentsAndUnknownResources() {
        invalid(null, "resourceArn", NOT_NULL, () -> swf.listTagsForResource(r -> {}));
        invalid("", "resourceArn", NOT_EMPTY, () -> swf.listTagsForResource(r -> r.resourceArn("")));
        invalid(ARN_1601, "resourceArn", atMost(1600), () -> swf.listTagsForResource(r -> r.resourceArn(ARN_1601)));
        unknown("Unknown resource: " + UNKNOWN_ARN, () -> swf.listTagsForResource(r -> r.resourceArn(UNKNOWN_ARN)));
        unknown("Unknown resource: " + DOMAIN, () -> swf.listTagsForResource(r -> r.resourceArn(DOMAIN)));
    }

    // ---------------------------------------------------------------------------------------
    // Assertions

    /**
     * Asserts that {@code call} fails with exactly this fault (SDK exception type, SWF error code,
     * status 400 and the whole message) and changes nothing a client can see.
     */
    private <T extends SwfException> void rejects(Class<T> type, String code, String message, Executable call) {
        rejects(type, code, List.of(message), call);
    }

    /** As {@link #rejects(Class, String, String, Executable)}, with any one of {@code messages}. */
    private <T extends SwfException> void rejects(Class<T> type, String code, List<String> messages, Executable call) {
        EngineSnapshot before = snapshot();
        T fault = assertThrows(type, call, () -> "expected " + code + ": " + messages.get(0));
        EngineSnapshot after = snapshot();
        String message = fault.awsErrorDetails().errorMessage();
        assertAll(
                () -> assertEquals(type, fault.getClass(), "exception type"),
                () -> assertEquals(code, fault.awsErrorDetails().errorCode(), "error code"),
                () -> assertEquals(400, fault.statusCode(), "status code"),
                // A message none of the expected ones matches is shown against the first of them.
                () -> assertEquals(messages.contains(message) ? message : messages.get(0), message, "message"),
                () -> assertEquals(
                        before,
                        after,
                        () -> "the rejected call changed the engine's state:\n"
                                + String.join("\n", before.differences(after))));
    }

    /** A ValidationException with this whole message. */
    private void invalid(String message, Executable call) {
        rejects(SwfException.class, "ValidationException", message, call);
    }

    /** A ValidationException naming one problem: {@code value} at {@code path} breaks {@code constraint}. */
    private void invalid(Object value, String path, String constraint, Executable call) {
        invalid(validation(error(value, path, constraint)), call);
    }

    /**
     * A ValidationException refusing {@code token}, either as not issued by this operation (the
     * answer to an edited token) or as not issued by SWF at all (the answer to a position the
     * engine cannot have issued).
     */
    private void refusedPageToken(String token, Executable call) {
        rejects(
                SwfException.class,
                "ValidationException",
                List.of(
                        validation(error(token, "nextPageToken", FOREIGN_TOKEN)),
                        validation(error(token, "nextPageToken", "Member must be a nextPageToken returned by SWF"))),
                call);
    }

    private void unknown(String message, Executable call) {
        rejects(UnknownResourceException.class, "UnknownResourceFault", message, call);
    }

    private EngineSnapshot snapshot() {
        // Read in-process, whichever transport the calls under test take: it is the engine's state.
        return EngineSnapshot.take(t.engine, DECISIONS, ACTIVITIES);
    }

    /** A ValidationException's message listing these problems, as SWF words it. */
    private static String validation(String... errors) {
        return errors.length + (errors.length == 1 ? " validation error" : " validation errors") + " detected: "
                + String.join("; ", errors);
    }

    private static String error(Object value, String path, String constraint) {
        return "Value " + quoted(value) + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    /** A value as messages quote it: in single quotes, and cut after 128 characters; null bare. */
    private static String quoted(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        return s.length() <= 128 ? "'" + s + "'" : "'" + s.substring(0, 128) + "...(" + s.length() + " characters)'";
    }

    private static String atMost(int max) {
        return "Member must have length less than or equal to " + max;
    }

    /** Values SWF refuses as a name of at most {@code max} characters, with the constraint each breaks. */
    private static List<BadName> badNames(int max) {
        return List.of(
                new BadName("n".repeat(max + 1), atMost(max)),
                new BadName("", NOT_EMPTY),
                new BadName("a:b", SEPARATORS),
                new BadName("a/b", SEPARATORS),
                new BadName("a|b", SEPARATORS),
                new BadName("a\tb", CONTROL),
                new BadName("a\u007fb", CONTROL),
                new BadName("a\u0085b", CONTROL),
                new BadName("arn", NOT_ARN),
                new BadName(" lead", WHITESPACE),
                new BadName("trail ", WHITESPACE));
    }

    /** The token with one character in its middle changed, as a client tampering with it would. */
    private static String edited(String token) {
        int i = token.length() / 2;
        char changed = token.charAt(i) == 'A' ? 'B' : 'A';
        return token.substring(0, i) + changed + token.substring(i + 1);
    }

    /**
     * The token with its position changed and its signature kept: the token is {@code
     * signature\nkind\nfingerprint\nissued\nposition} in URL-safe Base64.
     */
    private static String resigned(String token, UnaryOperator<String> position) {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = text.split("\n", 5);
        String edited = String.join("\n", parts[0], parts[1], parts[2], parts[3], position.apply(parts[4]));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------
    // Requests: valid ones, changed by each case

    private static ResourceTag tag(String key, String value) {
        return ResourceTag.builder().key(key).value(value).build();
    }

    private static WorkflowExecutionFilter byId(String workflowId) {
        return WorkflowExecutionFilter.builder().workflowId(workflowId).build();
    }

    private static WorkflowTypeFilter byType(String name) {
        return WorkflowTypeFilter.builder().name(name).build();
    }

    private static TagFilter byTag(String tag) {
        return TagFilter.builder().tag(tag).build();
    }

    private void registerDomain(Consumer<RegisterDomainRequest.Builder> change) {
        swf.registerDomain(r -> {
            r.name("new-domain").workflowExecutionRetentionPeriodInDays("1");
            change.accept(r);
        });
    }

    private void registerWorkflowType(Consumer<RegisterWorkflowTypeRequest.Builder> change) {
        swf.registerWorkflowType(r -> {
            r.domain(DOMAIN).name("NewOrder").version("1");
            change.accept(r);
        });
    }

    private void registerActivityType(Consumer<RegisterActivityTypeRequest.Builder> change) {
        swf.registerActivityType(r -> {
            r.domain(DOMAIN).name("new-activity").version("1");
            change.accept(r);
        });
    }

    private void listRegisteredDomains(String token, Consumer<ListDomainsRequest.Builder> change) {
        swf.listDomains(r -> {
            r.registrationStatus(RegistrationStatus.REGISTERED).nextPageToken(token);
            change.accept(r);
        });
    }

    private void listRegisteredWorkflowTypes(Consumer<ListWorkflowTypesRequest.Builder> change) {
        swf.listWorkflowTypes(r -> {
            r.domain(DOMAIN).registrationStatus(RegistrationStatus.REGISTERED);
            change.accept(r);
        });
    }

    private void start(Consumer<StartWorkflowExecutionRequest.Builder> change) {
        swf.startWorkflowExecution(r -> {
            r.domain(DOMAIN).workflowId("new-run").workflowType(WORKFLOW);
            change.accept(r);
        });
    }

    private void history(Consumer<GetWorkflowExecutionHistoryRequest.Builder> change) {
        swf.getWorkflowExecutionHistory(r -> {
            r.domain(DOMAIN).execution(openRun);
            change.accept(r);
        });
    }

    private void signal(Consumer<SignalWorkflowExecutionRequest.Builder> change) {
        swf.signalWorkflowExecution(r -> {
            r.domain(DOMAIN).workflowId("open-run").runId(openRun.runId()).signalName("poke");
            change.accept(r);
        });
    }

    private void terminate(Consumer<TerminateWorkflowExecutionRequest.Builder> change) {
        swf.terminateWorkflowExecution(r -> {
            r.domain(DOMAIN).workflowId("open-run").runId(openRun.runId());
            change.accept(r);
        });
    }

    private void pollDecision(Consumer<PollForDecisionTaskRequest.Builder> change) {
        swf.pollForDecisionTask(r -> {
            r.domain(DOMAIN).taskList(list(DECISIONS)).identity("decider");
            change.accept(r);
        });
    }

    private void pollActivity(Consumer<PollForActivityTaskRequest.Builder> change) {
        swf.pollForActivityTask(r -> {
            r.domain(DOMAIN).taskList(list(ACTIVITIES)).identity("worker");
            change.accept(r);
        });
    }

    private Executable respond(String token, Decision... decisions) {
        return () -> swf.respondDecisionTaskCompleted(r -> r.taskToken(token).decisions(decisions));
    }

    private static Decision scheduling(Consumer<ScheduleActivityTaskDecisionAttributes.Builder> change) {
        return Decision.builder()
                .decisionType(DecisionType.SCHEDULE_ACTIVITY_TASK)
                .scheduleActivityTaskDecisionAttributes(a -> {
                    a.activityType(ACTIVITY).activityId("new-activity");
                    change.accept(a);
                })
                .build();
    }

    private static Decision timer(Consumer<StartTimerDecisionAttributes.Builder> change) {
        return Decision.builder()
                .decisionType(DecisionType.START_TIMER)
                .startTimerDecisionAttributes(a -> {
                    a.timerId("new-timer").startToFireTimeout("5");
                    change.accept(a);
                })
                .build();
    }

    private void listOpen(Consumer<ListOpenWorkflowExecutionsRequest.Builder> change) {
        swf.listOpenWorkflowExecutions(r -> {
            r.domain(DOMAIN).startTimeFilter(ALL_TIME);
            change.accept(r);
        });
    }

    private void countOpen(Consumer<CountOpenWorkflowExecutionsRequest.Builder> change) {
        swf.countOpenWorkflowExecutions(r -> {
            r.domain(DOMAIN).startTimeFilter(ALL_TIME);
            change.accept(r);
        });
    }

    private void listClosed(Consumer<ListClosedWorkflowExecutionsRequest.Builder> change) {
        swf.listClosedWorkflowExecutions(r -> {
            r.domain(DOMAIN).startTimeFilter(ALL_TIME);
            change.accept(r);
        });
    }

    private void countClosed(Consumer<CountClosedWorkflowExecutionsRequest.Builder> change) {
        swf.countClosedWorkflowExecutions(r -> {
            r.domain(DOMAIN).startTimeFilter(ALL_TIME);
            change.accept(r);
        });
    }
}
