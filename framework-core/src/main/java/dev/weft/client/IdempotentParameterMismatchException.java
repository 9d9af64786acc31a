package dev.weft.client;

/** A client token was used again with other parameters than the first time. */
public final class IdempotentParameterMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IdempotentParameterMismatchException(String message) {
        super(message);
    }
}
