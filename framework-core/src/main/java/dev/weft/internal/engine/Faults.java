package dev.weft.internal.engine;

import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.swf.model.DefaultUndefinedException;
import software.amazon.awssdk.services.swf.model.DomainAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.DomainDeprecatedException;
import software.amazon.awssdk.services.swf.model.LimitExceededException;
import software.amazon.awssdk.services.swf.model.OperationNotPermittedException;
import software.amazon.awssdk.services.swf.model.SwfException;
import software.amazon.awssdk.services.swf.model.TooManyTagsException;
import software.amazon.awssdk.services.swf.model.TypeAlreadyExistsException;
import software.amazon.awssdk.services.swf.model.TypeDeprecatedException;
import software.amazon.awssdk.services.swf.model.TypeNotDeprecatedException;
import software.amazon.awssdk.services.swf.model.UnknownResourceException;
import software.amazon.awssdk.services.swf.model.WorkflowExecutionAlreadyStartedException;

/**
 * Builds SWF faults as the SDK's own exception types, filled in exactly as the SDK fills them when
 * it reads a fault from the real service (error code, message, status 400, service name, request
 * id), so that callers cannot tell the engine from the service.
 */
public final class Faults {
    /** The service name the SDK puts in {@link AwsErrorDetails#serviceName()}. */
    static final String SERVICE_NAME = "Swf";

    private Faults() {}

    public static UnknownResourceException unknownResource(String message) {
        return (UnknownResourceException) fill(UnknownResourceException.builder(), "UnknownResourceFault", message);
    }

    public static TypeAlreadyExistsException typeAlreadyExists(String message) {
        return (TypeAlreadyExistsException)
                fill(TypeAlreadyExistsException.builder(), "TypeAlreadyExistsFault", message);
    }

    public static TypeDeprecatedException typeDeprecated(String message) {
        return (TypeDeprecatedException) fill(TypeDeprecatedException.builder(), "TypeDeprecatedFault", message);
    }

    public static TypeNotDeprecatedException typeNotDeprecated(String message) {
        return (TypeNotDeprecatedException)
                fill(TypeNotDeprecatedException.builder(), "TypeNotDeprecatedFault", message);
    }

    public static DomainAlreadyExistsException domainAlreadyExists(String message) {
        return (DomainAlreadyExistsException)
                fill(DomainAlreadyExistsException.builder(), "DomainAlreadyExistsFault", message);
    }

    public static DomainDeprecatedException domainDeprecated(String message) {
        return (DomainDeprecatedException) fill(DomainDeprecatedException.builder(), "DomainDeprecatedFault", message);
    }

    public static DefaultUndefinedException defaultUndefined(String message) {
        return (DefaultUndefinedException) fill(DefaultUndefinedException.builder(), "DefaultUndefinedFault", message);
    }

    public static WorkflowExecutionAlreadyStartedException alreadyStarted(String message) {
        return (WorkflowExecutionAlreadyStartedException) fill(
                WorkflowExecutionAlreadyStartedException.builder(), "WorkflowExecutionAlreadyStartedFault", message);
    }

    public static LimitExceededException limitExceeded(String message) {
        return (LimitExceededException) fill(LimitExceededException.builder(), "LimitExceededFault", message);
    }

    public static OperationNotPermittedException operationNotPermitted(String message) {
        return (OperationNotPermittedException)
                fill(OperationNotPermittedException.builder(), "OperationNotPermittedFault", message);
    }

    public static TooManyTagsException tooManyTags(String message) {
        return (TooManyTagsException) fill(TooManyTagsException.builder(), "TooManyTagsFault", message);
    }

    /**
     * A {@code ValidationException}. The SDK has no class for it: over HTTP it arrives as a plain
     * {@link SwfException} with error code {@code ValidationException}, and so it does here.
     */
    public static SwfException validation(String message) {
        return (SwfException) fill(SwfException.builder(), "ValidationException", message);
    }

    private static AwsServiceException fill(AwsServiceException.Builder builder, String code, String message) {
        return builder.message(message)
                .statusCode(400)
                .requestId(UUID.randomUUID().toString())
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(SERVICE_NAME)
                        .build())
                .build();
    }
}
