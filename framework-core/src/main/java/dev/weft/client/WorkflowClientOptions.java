package dev.weft.client;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WorkflowClient} converts data and waits for results.
 *
 * <pre>{@code
 * WorkflowClient client = WorkflowClient.create(swf, "orders",
 *     WorkflowClientOptions.newBuilder().maxResultPollInterval(Duration.ofSeconds(5)).build());
 * }</pre>
 */
public final class WorkflowClientOptions {
    /** The defaults. */
    public static final WorkflowClientOptions DEFAULT = newBuilder().build();

    private final DataConverter dataConverter;
    private final Duration maxResultPollInterval;

    private WorkflowClientOptions(Builder b) {
        this.dataConverter = b.dataConverter;
        this.maxResultPollInterval = b.maxResultPollInterval;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().dataConverter(dataConverter).maxResultPollInterval(maxResultPollInterval);
    }

    /**
     * Returns the data converter.
     *
     * @return the converter
     */
    public DataConverter getDataConverter() {
        return dataConverter;
    }

    /**
     * Returns the longest wait between two looks at an execution whose result is awaited.
     *
     * @return the interval
     */
    public Duration getMaxResultPollInterval() {
        return maxResultPollInterval;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowClientOptions x
                && dataConverter.equals(x.dataConverter)
                && maxResultPollInterval.equals(x.maxResultPollInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataConverter, maxResultPollInterval);
    }

    @Override
    public String toString() {
        return "WorkflowClientOptions{dataConverter=" + dataConverter + ", maxResultPollInterval="
                + maxResultPollInterval + "}";
    }

    /**
     * Builds {@link WorkflowClientOptions}.
     */
    public static final class Builder {
        private DataConverter dataConverter = JacksonDataConverter.create();
        private Duration maxResultPollInterval = Duration.ofSeconds(1);

        private Builder() {}

        /**
         * Sets the data converter; it must be the workers'. Default: {@link
         * JacksonDataConverter#create()}.
         *
         * @param converter the converter
         * @return this builder
         */
        public Builder dataConverter(DataConverter converter) {
            this.dataConverter = Objects.requireNonNull(converter, "dataConverter");
            return this;
        }

        /**
         * Sets the longest wait between two looks at an execution whose result is awaited (SWF
         * has no call that waits for an execution to close): the waits start at 10 ms and double
         * up to this. Default: 1 second.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder maxResultPollInterval(Duration interval) {
            this.maxResultPollInterval = Names.positive("maxResultPollInterval", interval);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WorkflowClientOptions build() {
            return new WorkflowClientOptions(this);
        }
    }
}
