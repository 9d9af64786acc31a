package dev.weft.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.services.swf.model.SwfException;

/**
 * Collects input validation errors for one request and reports them the way SWF does: one
 * {@code ValidationException} whose message reads {@code "2 validation errors detected: Value 'x'
 * at 'domain' failed to satisfy constraint: ...; Value ..."}. Nothing is changed by a request that
 * fails here, because every operation checks its whole input before it touches any state.
 */
final class Check {
    static final int NAME_MAX = 256;
    static final int VERSION_MAX = 64;
    static final int DATA_MAX = 32768;
    static final int LIMITED_DATA_MAX = 2048;
    static final int REASON_MAX = 256;
    static final int DESCRIPTION_MAX = 1024;
    static final int IDENTITY_MAX = 256;
    static final int TOKEN_MAX = 1024;
    static final int PAGE_TOKEN_MAX = 2048;
    static final int RUN_ID_MAX = 64;
    static final int TAG_MAX = 256;
    static final int TAGS_MAX = 5;
    static final int DURATION_MAX_CHARS = 8;
    /** Longest value quoted in a message; longer values are cut, since payloads may be 32 KB. */
    private static final int QUOTE_MAX = 128;

    private List<String> errors;
    /** The list whose member the paths are relative to, or null for paths from the request's top. */
    private String list;

    private int member;
    /** The member's part the paths are relative to ("" for the member itself). */
    private String part = "";

    /** Fails with a ValidationException if any check failed. */
    void done() {
        if (errors != null) {
            throw failure(errors);
        }
    }

    static SwfException failure(List<String> errors) {
        int n = errors.size();
        return Faults.validation(
                n + (n == 1 ? " validation error" : " validation errors") + " detected: " + String.join("; ", errors));
    }

    static SwfException failure(String path, Object value, String constraint) {
        return failure(List.of(describe(path, value, constraint)));
    }

    Check fail(String path, Object value, String constraint) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        String full = list == null ? path : list + "." + member + ".member" + part + path;
        errors.add(describe(full, value, constraint));
        return this;
    }

    /**
     * Makes the paths that follow relative to member {@code index} (from 1) of {@code list}: a
     * failure at {@code ".x"} reads {@code list.index.member.x}. The full path is made only for a
     * failure, so that checking a valid list of members builds no strings.
     */
    Check member(String list, int index) {
        this.list = list;
        this.member = index;
        this.part = "";
        return this;
    }

    /** Makes the paths that follow relative to a part of the current member (such as ".timerAttributes"). */
    Check part(String part) {
        this.part = part;
        return this;
    }

    /** Makes the paths that follow start at the request's top again. */
    Check top() {
        this.list = null;
        this.part = "";
        return this;
    }

    boolean failed() {
        return errors != null;
    }

    private static String describe(String path, Object value, String constraint) {
        return "Value " + quote(value) + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        if (s.length() > QUOTE_MAX) {
            s = s.substring(0, QUOTE_MAX) + "...(" + s.length() + " characters)";
        }
        return "'" + s + "'";
    }

    Check required(String path, Object value) {
        if (value == null) {
            fail(path, null, "Member must not be null");
        }
        return this;
    }

    /** An optional string of at most {@code max} characters. */
    Check length(String path, String value, int max) {
        if (value != null && value.length() > max) {
            fail(path, value, "Member must have length less than or equal to " + max);
        }
        return this;
    }

    /** A required string of {@code min..max} characters. */
    Check length(String path, String value, int min, int max) {
        if (value == null) {
            return fail(path, null, "Member must not be null");
        }
        if (value.length() < min) {
            return fail(path, value, "Member must have length greater than or equal to " + min);
        }
        return length(path, value, max);
    }

    /** An optional string: if present, {@code min..max} characters. */
    Check optional(String path, String value, int min, int max) {
        return value == null ? this : length(path, value, min, max);
    }

    /** A required SWF name: 1..256 characters, no {@code : / |} or control characters, not "arn". */
    Check name(String path, String value) {
        return name(path, value, NAME_MAX);
    }

    /** An optional SWF name (absent is fine). */
    Check optionalName(String path, String value) {
        return value == null ? this : name(path, value, NAME_MAX);
    }

    /** A required type version: 1..64 characters, with the same character rules as names. */
    Check version(String path, String value) {
        return name(path, value, VERSION_MAX);
    }

    private Check name(String path, String value, int max) {
        int before = errors == null ? 0 : errors.size();
        length(path, value, 1, max);
        if (value == null || (errors != null && errors.size() > before)) {
            return this;
        }
        String problem = nameProblem(value);
        if (problem != null) {
            fail(path, value, problem);
        }
        return this;
    }

    /** SWF's rule for names, or null when the name is fine. */
    static String nameProblem(String value) {
        if ("arn".equals(value)) {
            return "Member must not be the literal string 'arn'";
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return "Member must not start or end with whitespace";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':' || c == '/' || c == '|') {
                return "Member must not contain ':', '/' or '|'";
            }
            if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) {
                return "Member must not contain control characters (\\u0000-\\u001f, \\u007f-\\u009f)";
            }
        }
        return null;
    }

    /** A task list: required structure with a valid name. */
    Check taskList(String path, software.amazon.awssdk.services.swf.model.TaskList taskList) {
        if (taskList == null) {
            return fail(path, null, "Member must not be null");
        }
        return name(path + ".name", taskList.name());
    }

    /** An optional task list (absent means "use the default"); if given, its name must be valid. */
    Check optionalTaskList(String path, software.amazon.awssdk.services.swf.model.TaskList taskList) {
        return taskList == null ? this : name(path + ".name", taskList.name());
    }

    /**
     * A duration in seconds as SWF writes it: up to 8 digits, or {@code NONE} where unlimited is
     * allowed. Absent is fine unless {@code required}.
     */
    Check duration(String path, String value, boolean allowNone, boolean required) {
        if (value == null) {
            return required ? fail(path, null, "Member must not be null") : this;
        }
        if (Durations.parse(value, allowNone) == Durations.INVALID) {
            fail(
                    path,
                    value,
                    allowNone
                            ? "Member must be a whole number of seconds (at most 8 digits) or NONE"
                            : "Member must be a whole number of seconds (at most 8 digits)");
        }
        return this;
    }

    /** A task priority: optional, a signed 32-bit integer written as a string. */
    Check priority(String path, String value) {
        if (value != null && Durations.parsePriority(value) == null) {
            fail(path, value, "Member must be a signed 32-bit integer (-2147483648 to 2147483647)");
        }
        return this;
    }

    Check pageSize(String path, Integer value) {
        if (value != null && (value < 0 || value > 1000)) {
            fail(
                    path,
                    value,
                    value < 0
                            ? "Member must have value greater than or equal to 0"
                            : "Member must have value less than or equal to 1000");
        }
        return this;
    }

    /** An execution tag list: at most 5 tags of at most 256 characters each. */
    Check tagList(String path, Collection<String> tags) {
        if (tags == null) {
            return this;
        }
        if (tags.size() > TAGS_MAX) {
            fail(path, tags, "Member must have length less than or equal to " + TAGS_MAX);
        }
        int i = 1;
        for (String tag : tags) {
            if (tag == null) {
                fail(path + "." + i + ".member", null, "Member must not be null");
            } else {
                length(path + "." + i + ".member", tag, TAG_MAX);
            }
            i++;
        }
        return this;
    }
}
