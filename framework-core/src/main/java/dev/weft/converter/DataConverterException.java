package dev.weft.converter;

/** A value could not be turned into a payload, or a payload into a value. */
public final class DataConverterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A conversion failure.
     *
     * @param message what could not be converted, and why
     * @param cause the underlying failure, or null
     */
    public DataConverterException(String message, Throwable cause) {
        super(message, cause);
    }
}
