package dev.weft.testing;

/**
 * A history did not replay on the current workflow code. The cause says why: a {@link
 * dev.weft.workflow.NonDeterministicException} with the event, both sides and the call site when
 * the code decided otherwise than the history records, or what the code threw.
 */
public final class ReplayFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The history's name. */
    private final String historyName;

    ReplayFailedException(String historyName, String message, Throwable cause) {
        super(message, cause);
        this.historyName = historyName;
    }

    /**
     * The history's name: its file name without {@code .json}, or its workflow id.
     *
     * @return the name
     */
    public String getHistoryName() {
        return historyName;
    }
}
