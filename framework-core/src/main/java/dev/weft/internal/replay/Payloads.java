package dev.weft.internal.replay;

/** SWF's limit on payload fields (input, result, details, control, marker details, context). */
final class Payloads {
    /** Characters in an input, result, details or executionContext field. */
    static final int MAX = 32768;

    private Payloads() {}

    /**
     * Throws if a payload is over SWF's limit.
     *
     * @param payload the payload, or null
     * @param what what it is, as "The input of activity OrderActivities.charge"
     */
    static void check(String payload, String what) {
        if (payload != null && payload.length() > MAX) {
            throw new IllegalArgumentException(what + " is " + payload.length() + " characters, over SWF's limit of "
                    + MAX + ". Pass a reference (an S3 key, a database id) instead of the data itself.");
        }
    }
}
