package dev.weft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.swf.model.SwfException;

/** Asserts SWF faults completely: SDK exception type, SWF error code, status and message. */
final class Faults {
    private Faults() {}

    static <T extends SwfException> T assertFault(Class<T> type, String errorCode, String message, Executable call) {
        T fault = assertThrows(type, call);
        assertEquals(type, fault.getClass(), "exception type");
        assertEquals(errorCode, fault.awsErrorDetails().errorCode(), "error code");
        assertEquals(400, fault.statusCode(), "status code");
        assertEquals(message, fault.awsErrorDetails().errorMessage(), "message");
        return fault;
    }
}
