package dev.weft.engine;

import static dev.weft.engine.EngineTesting.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SWF's wire format, checked byte by byte with a plain HTTP client. */
final class HttpWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "application/x-amz-json-1.0";

    private final SwfEngine engine =
            SwfEngine.builder().virtualTime(T0).pollTimeout(Duration.ZERO).build();
    private final SwfHttpServer server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpWireTest() throws IOException {
        server = SwfHttpServer.start(engine, "127.0.0.1", 0);
    }

    @AfterEach
    void close() {
        server.close();
        engine.close();
    }

    private HttpResponse<String> post(String target, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", TYPE);
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> call(String operation, String body) {
        return post("SimpleWorkflowService." + operation, body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals(TYPE, response.headers().firstValue("Content-Type").orElse(null));
        assertNotNull(response.headers().firstValue("x-amzn-RequestId").orElse(null));
    }

    private void registerDomain() {
        assertAnswer(
                200,
                "",
                call("RegisterDomain", "{\"name\":\"shop\",\"workflowExecutionRetentionPeriodInDays\":\"1\"}"));
    }

    @Test
    void operationWithoutOutputAnswersAnEmptyBody() {
        HttpResponse<String> r =
                call("RegisterDomain", "{\"name\":\"shop\",\"workflowExecutionRetentionPeriodInDays\":\"1\"}");
        assertAnswer(200, "", r);
        assertEquals("0", r.headers().firstValue("Content-Length").orElse(null));
    }

    @Test
    void operationWithOutputAnswersLowerCamelCaseJsonWithoutAbsentMembers() {
        registerDomain();
        assertAnswer(
                200,
                "{\"domainInfos\":[{\"name\":\"shop\",\"status\":\"REGISTERED\","
                        + "\"arn\":\"arn:aws:swf:us-east-1:123456789012:/domain/shop\"}]}",
                call("ListDomains", "{\"registrationStatus\":\"REGISTERED\"}"));
    }

    @Test
    void timestampsAreEpochSecondsWithAFraction() {
        registerDomain();
        engine.advance(Duration.ofMillis(1234));
        assertAnswer(
                200,
                "",
                call(
                        "RegisterActivityType",
                        "{\"domain\":\"shop\",\"name\":\"pack\",\"version\":\"1\",\"defaultTaskList\":{\"name\":\"q\"}}"));
        assertAnswer(
                200,
                "{\"typeInfo\":{\"activityType\":{\"name\":\"pack\",\"version\":\"1\"},\"status\":\"REGISTERED\","
                        + "\"creationDate\":" + (T0.getEpochSecond() + 1) + ".234},"
                        + "\"configuration\":{\"defaultTaskList\":{\"name\":\"q\"}}}",
                call(
                        "DescribeActivityType",
                        "{\"domain\":\"shop\",\"activityType\":{\"name\":\"pack\",\"version\":\"1\"}}"));
        // Requests carry timestamps the same way, fraction or not.
        assertAnswer(
                200,
                "{\"count\":0,\"truncated\":false}",
                call(
                        "CountOpenWorkflowExecutions",
                        "{\"domain\":\"shop\",\"startTimeFilter\":{\"oldestDate\":1.7672256E9,\"latestDate\":1767225601}}"));
    }

    @Test
    void historyRoundTripsEveryAttributeOfDecisionsAndEvents() throws IOException {
        registerDomain();
        call(
                "RegisterWorkflowType",
                "{\"domain\":\"shop\",\"name\":\"Order\",\"version\":\"1\",\"defaultTaskList\":{\"name\":\"d\"},"
                        + "\"defaultExecutionStartToCloseTimeout\":\"60\",\"defaultTaskStartToCloseTimeout\":\"10\","
                        + "\"defaultChildPolicy\":\"ABANDON\"}");
        String runId = JSON.readTree(call(
                                "StartWorkflowExecution",
                                "{\"domain\":\"shop\",\"workflowId\":\"o1\","
                                        + "\"workflowType\":{\"name\":\"Order\",\"version\":\"1\"},\"tagList\":[\"a\",\"b\"]}")
                        .body())
                .get("runId")
                .asText();
        JsonNode task = JSON.readTree(call("PollForDecisionTask", "{\"domain\":\"shop\",\"taskList\":{\"name\":\"d\"}}")
                .body());
        assertEquals(3, task.get("startedEventId").asLong());
        assertEquals(0, task.get("previousStartedEventId").asLong());
        assertAnswer(
                200,
                "",
                call(
                        "RespondDecisionTaskCompleted",
                        "{\"taskToken\":\"" + task.get("taskToken").asText() + "\",\"decisions\":["
                                + "{\"decisionType\":\"StartTimer\",\"startTimerDecisionAttributes\":"
                                + "{\"timerId\":\"t\",\"startToFireTimeout\":\"5\",\"control\":\"c\"}},"
                                + "{\"decisionType\":\"RecordMarker\",\"recordMarkerDecisionAttributes\":"
                                + "{\"markerName\":\"m\"}}]}"));
        HttpResponse<String> page = call(
                "GetWorkflowExecutionHistory",
                "{\"domain\":\"shop\",\"execution\":{\"workflowId\":\"o1\",\"runId\":\"" + runId
                        + "\"},\"maximumPageSize\":2,\"reverseOrder\":true}");
        // The raw text, since a JSON parser would turn the timestamps into doubles.
        String events = "{\"events\":[{\"eventTimestamp\":" + T0.getEpochSecond()
                + ".000,\"eventType\":\"MarkerRecorded\","
                + "\"eventId\":6,\"markerRecordedEventAttributes\":{\"markerName\":\"m\",\"decisionTaskCompletedEventId\":4}},"
                + "{\"eventTimestamp\":" + T0.getEpochSecond() + ".000,\"eventType\":\"TimerStarted\",\"eventId\":5,"
                + "\"timerStartedEventAttributes\":{\"timerId\":\"t\",\"control\":\"c\",\"startToFireTimeout\":\"5\","
                + "\"decisionTaskCompletedEventId\":4}}],\"nextPageToken\":\"";
        assertTrue(page.body().startsWith(events), page.body());
        assertAnswer(
                200,
                "{\"events\":[{\"eventTimestamp\":" + T0.getEpochSecond()
                        + ".000,\"eventType\":\"WorkflowExecutionStarted\","
                        + "\"eventId\":1,\"workflowExecutionStartedEventAttributes\":{\"executionStartToCloseTimeout\":\"60\","
                        + "\"taskStartToCloseTimeout\":\"10\",\"childPolicy\":\"ABANDON\",\"taskList\":{\"name\":\"d\"},"
                        + "\"workflowType\":{\"name\":\"Order\",\"version\":\"1\"},\"tagList\":[\"a\",\"b\"],"
                        + "\"parentInitiatedEventId\":0}}],\"nextPageToken\":\""
                        + JSON.readTree(call(
                                                "GetWorkflowExecutionHistory",
                                                "{\"domain\":\"shop\",\"execution\":{\"workflowId\":\"o1\",\"runId\":\""
                                                        + runId + "\"},\"maximumPageSize\":1}")
                                        .body())
                                .get("nextPageToken")
                                .asText()
                        + "\"}",
                call(
                        "GetWorkflowExecutionHistory",
                        "{\"domain\":\"shop\",\"execution\":{\"workflowId\":\"o1\",\"runId\":\"" + runId
                                + "\"},\"maximumPageSize\":1}"));
    }

    @Test
    void unknownRequestMembersAreIgnoredAndOtherTargetsAndHeadersAccepted() {
        registerDomain();
        String expected = "{\"domainInfos\":[{\"name\":\"shop\",\"status\":\"REGISTERED\","
                + "\"arn\":\"arn:aws:swf:us-east-1:123456789012:/domain/shop\"}]}";
        assertAnswer(
                200,
                expected,
                call("ListDomains", "{\"registrationStatus\":\"REGISTERED\",\"someFutureMember\":{\"x\":[1,2]}}"));
        assertAnswer(
                200,
                expected,
                post(
                        "com.amazonaws.swf.service.model.SimpleWorkflowService.ListDomains",
                        "{\"registrationStatus\":\"REGISTERED\"}"));
        HttpRequest signed = HttpRequest.newBuilder(server.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("{\"registrationStatus\":\"REGISTERED\"}"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Amz-Target", "SimpleWorkflowService.ListDomains")
                .header("X-Amz-Date", "20260101T000000Z")
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/swf/aws4_request,"
                                + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123456789abcdef")
                .build();
        assertAnswer(200, expected, send(signed));
    }

    @Test
    void faultsAreHttp400WithTheirTypeAndMessage() {
        assertAnswer(
                400,
                "{\"__type\":\"com.amazonaws.swf.base.model#UnknownResourceFault\",\"message\":\"Unknown domain: nope\"}",
                call("DescribeDomain", "{\"name\":\"nope\"}"));
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"1 validation error"
                        + " detected: Value null at 'name' failed to satisfy constraint: Member must not be null\"}",
                call("DescribeDomain", "{}"));
        registerDomain();
        assertAnswer(
                400,
                "{\"__type\":\"com.amazonaws.swf.base.model#DomainAlreadyExistsFault\",\"message\":\"shop\"}",
                call("RegisterDomain", "{\"name\":\"shop\",\"workflowExecutionRetentionPeriodInDays\":\"1\"}"));
    }

    @Test
    void malformedRequestsAreSerializationExceptionsAndChangeNothing() {
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"Malformed JSON:"
                        + " Unexpected end-of-input: expected close marker for Object (start marker at [Source:"
                        + " REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])\"}",
                call("RegisterDomain", "{\"name\":\"shop\""));
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"Expected a JSON"
                        + " object as the request body\"}",
                call("RegisterDomain", "[1, 2]"));
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"Expected an integer"
                        + " at 'maximumPageSize', found string\"}",
                call("ListDomains", "{\"registrationStatus\":\"REGISTERED\",\"maximumPageSize\":\"ten\"}"));
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"Expected a string"
                        + " at 'taskList.name', found number\"}",
                call("PollForActivityTask", "{\"domain\":\"shop\",\"taskList\":{\"name\":7}}"));
        assertAnswer(200, "{\"domainInfos\":[]}", call("ListDomains", "{\"registrationStatus\":\"REGISTERED\"}"));
    }

    @Test
    void unknownOperationsMissingTargetsAndOtherMethodsAreRefused() {
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"Unknown operation"
                        + " SimpleWorkflowService.LaunchRocket\"}",
                call("LaunchRocket", "{}"));
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"Unknown operation"
                        + " DynamoDB_20120810.ListTables\"}",
                post("DynamoDB_20120810.ListTables", "{}"));
        assertAnswer(
                400,
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"Missing"
                        + " X-Amz-Target header: name the operation, as in SimpleWorkflowService.ListDomains\"}",
                post(null, "{}"));
        assertAnswer(
                405,
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"SWF takes POST"
                        + " requests only, not GET\"}",
                send(HttpRequest.newBuilder(server.endpoint()).GET().build()));
    }

    @Test
    void requestsOverOneMegabyteAreRefused() {
        String huge = "{\"name\":\"shop\",\"description\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertAnswer(
                413,
                "{\"__type\":\"com.amazon.coral.service#RequestEntityTooLargeException\",\"message\":\"Request body"
                        + " exceeds 1048576 bytes, SWF's limit on a request\"}",
                call("RegisterDomain", huge));
        assertAnswer(200, "{\"domainInfos\":[]}", call("ListDomains", "{\"registrationStatus\":\"REGISTERED\"}"));
    }

    @Test
    void emptyPollsAnswerAnEmptyTaskToken() {
        registerDomain();
        assertAnswer(
                200,
                "{\"taskToken\":\"\",\"startedEventId\":0}",
                call("PollForActivityTask", "{\"domain\":\"shop\",\"taskList\":{\"name\":\"q\"}}"));
        assertAnswer(
                200,
                "{\"taskToken\":\"\",\"startedEventId\":0,\"previousStartedEventId\":0}",
                call("PollForDecisionTask", "{\"domain\":\"shop\",\"taskList\":{\"name\":\"q\"}}"));
    }

    /** Every operation of the SWF API is served: none is an unknown operation. */
    @Test
    void everyOperationOfTheApiIsServed() {
        List<String> unknown = new ArrayList<>();
        for (String op : List.of(
                "CountClosedWorkflowExecutions",
                "CountOpenWorkflowExecutions",
                "CountPendingActivityTasks",
                "CountPendingDecisionTasks",
                "DeleteActivityType",
                "DeleteWorkflowType",
                "DeprecateActivityType",
                "DeprecateDomain",
                "DeprecateWorkflowType",
                "DescribeActivityType",
                "DescribeDomain",
                "DescribeWorkflowExecution",
                "DescribeWorkflowType",
                "GetWorkflowExecutionHistory",
                "ListActivityTypes",
                "ListClosedWorkflowExecutions",
                "ListDomains",
                "ListOpenWorkflowExecutions",
                "ListTagsForResource",
                "ListWorkflowTypes",
                "PollForActivityTask",
                "PollForDecisionTask",
                "RecordActivityTaskHeartbeat",
                "RegisterActivityType",
                "RegisterDomain",
                "RegisterWorkflowType",
                "RequestCancelWorkflowExecution",
                "RespondActivityTaskCanceled",
                "RespondActivityTaskCompleted",
                "RespondActivityTaskFailed",
                "RespondDecisionTaskCompleted",
                "SignalWorkflowExecution",
                "StartWorkflowExecution",
                "TagResource",
                "TerminateWorkflowExecution",
                "UndeprecateActivityType",
                "UndeprecateDomain",
                "UndeprecateWorkflowType",
                "UntagResource")) {
            HttpResponse<String> r = call(op, "{}");
            if (r.body().contains("UnknownOperationException")) {
                unknown.add(op);
            }
            // An empty request is invalid for each of them: a validation error, never a 500.
            assertEquals(400, r.statusCode(), op + ": " + r.body());
            assertTrue(r.body().contains("com.amazon.coral.validate#ValidationException"), op + ": " + r.body());
        }
        assertEquals(List.of(), unknown);
    }
}
