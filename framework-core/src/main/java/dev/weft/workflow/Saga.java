package dev.weft.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compensation for a sequence of steps: register how to undo each step once it has succeeded, and
 * on failure call {@link #compensate()}, which undoes them in reverse order (or all at once).
 *
 * <pre>{@code
 * Saga saga = new Saga(Saga.Options.newBuilder().build());
 * try {
 *     String hold = payments.hold(card, amount);
 *     saga.addCompensation(payments::release, hold);
 *     String booking = hotels.book(stay);
 *     saga.addCompensation(hotels::cancel, booking);
 * } catch (ActivityFailure e) {
 *     saga.compensate();
 *     throw e;
 * }
 * }</pre>
 *
 * <p>Compensations are workflow code: activity stub calls, usually. They run in a detached
 * cancellation scope, so that a canceled workflow can still compensate.
 */
public final class Saga {
    /** How a saga compensates. */
    public static final class Options {
        private final boolean parallelCompensation;
        private final boolean continueWithError;

        private Options(Builder b) {
            this.parallelCompensation = b.parallelCompensation;
            this.continueWithError = b.continueWithError;
        }

        /**
         * Returns a builder with the defaults: one at a time, stopping at the first failure.
         *
         * @return a builder with the defaults: one at a time, stopping at the first failure
         */
        public static Builder newBuilder() {
            return new Builder();
        }

        /**
         * Returns whether compensations run all at once.
         *
         * @return whether compensations run all at once
         */
        public boolean isParallelCompensation() {
            return parallelCompensation;
        }

        /**
         * Returns whether compensation goes on after a compensation fails.
         *
         * @return whether compensation goes on after a compensation fails
         */
        public boolean isContinueWithError() {
            return continueWithError;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Options x
                    && x.parallelCompensation == parallelCompensation
                    && x.continueWithError == continueWithError;
        }

        @Override
        public int hashCode() {
            return Objects.hash(parallelCompensation, continueWithError);
        }

        @Override
        public String toString() {
            return "Saga.Options{parallelCompensation=" + parallelCompensation + ", continueWithError="
                    + continueWithError + "}";
        }

        /**
         * Builds {@link Options}.
         */
        public static final class Builder {
            private boolean parallelCompensation;
            private boolean continueWithError;

            private Builder() {}

            /**
             * Run every compensation at once instead of in reverse order. Default: false.
             *
             * @param parallel whether to
             * @return this builder
             */
            public Builder parallelCompensation(boolean parallel) {
                this.parallelCompensation = parallel;
                return this;
            }

            /**
             * Carry on compensating after a compensation fails (its failure is added as suppressed
             * to the one thrown at the end). Default: false, stop at the first failure.
             *
             * @param carryOn whether to
             * @return this builder
             */
            public Builder continueWithError(boolean carryOn) {
                this.continueWithError = carryOn;
                return this;
            }

            /**
             * Returns the options.
             *
             * @return the options
             */
            public Options build() {
                return new Options(this);
            }
        }
    }

    /**
     * Thrown by {@link #compensate()} when compensations failed; the failures are its causes.
     */
    public static final class CompensationException extends WeftFailure {
        private static final long serialVersionUID = 1L;

        CompensationException(RuntimeException first) {
            super("Compensation failed: " + first, first);
        }
    }

    private final Options options;
    private final List<Functions.Func<?>> compensations = new ArrayList<>();

    /** A saga that compensates one step at a time, in reverse, stopping at the first failure. */
    public Saga() {
        this(Options.newBuilder().build());
    }

    /**
     * A saga.
     *
     * @param options how it compensates
     */
    public Saga(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Registers a compensation.
     *
     * @param compensation what undoes a step
     */
    public void addCompensation(Functions.Proc compensation) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> {
            compensation.apply();
            return null;
        });
    }

    /**
     * Registers a compensation of one argument.
     *
     * @param compensation what undoes a step
     * @param a1 its argument
     * @param <A1> the argument's type
     */
    public <A1> void addCompensation(Functions.Proc1<A1> compensation, A1 a1) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> {
            compensation.apply(a1);
            return null;
        });
    }

    /**
     * Registers a compensation of two arguments.
     *
     * @param compensation what undoes a step
     * @param a1 the first argument
     * @param a2 the second argument
     * @param <A1> the first argument's type
     * @param <A2> the second argument's type
     */
    public <A1, A2> void addCompensation(Functions.Proc2<A1, A2> compensation, A1 a1, A2 a2) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> {
            compensation.apply(a1, a2);
            return null;
        });
    }

    /**
     * Registers a compensation that returns a value (ignored).
     *
     * @param compensation what undoes a step
     * @param a1 its argument
     * @param <A1> the argument's type
     * @param <R> the ignored result's type
     */
    public <A1, R> void addCompensation(Functions.Func1<A1, R> compensation, A1 a1) {
        Objects.requireNonNull(compensation, "compensation");
        compensations.add(() -> compensation.apply(a1));
    }

    /**
     * Runs the compensations registered so far (newest first, unless in parallel), in a detached
     * cancellation scope. Each runs once: a second call runs only those added since.
     *
     * @throws CompensationException if a compensation failed
     */
    public void compensate() {
        List<Functions.Func<?>> todo = new ArrayList<>(compensations);
        compensations.clear();
        RuntimeException[] failure = new RuntimeException[1];
        Workflow.newDetachedCancellationScope(() -> {
                    if (options.isParallelCompensation()) {
                        List<Promise<?>> all = new ArrayList<>();
                        for (Functions.Func<?> c : todo) {
                            all.add(Async.function(c));
                        }
                        for (Promise<?> p : all) {
                            try {
                                p.get();
                            } catch (RuntimeException e) {
                                failure[0] = add(failure[0], e);
                            }
                        }
                        return;
                    }
                    for (int i = todo.size() - 1; i >= 0; i--) {
                        try {
                            todo.get(i).apply();
                        } catch (RuntimeException e) {
                            failure[0] = add(failure[0], e);
                            if (!options.isContinueWithError()) {
                                return;
                            }
                        }
                    }
                })
                .run();
        if (failure[0] != null) {
            throw failure[0] instanceof CompensationException c ? c : new CompensationException(failure[0]);
        }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return new CompensationException(next);
        }
        first.addSuppressed(next);
        return first;
    }
}
