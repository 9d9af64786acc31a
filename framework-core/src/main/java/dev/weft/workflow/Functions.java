package dev.weft.workflow;

import java.io.Serializable;

/**
 * Functional interfaces for {@link Async}: functions and procedures of up to six arguments. They
 * are {@link Serializable} so that method references to stubs can be recognized.
 */
public final class Functions {
    private Functions() {}

    /**
     * A function of no arguments.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface Func<R> extends Serializable {
        /**
         * Runs it.
         *
         * @return the result
         */
        R apply();
    }

    /**
     * A function of one argument.
     *
     * @param <A1> the argument type
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface Func1<A1, R> extends Serializable {
        /**
         * Runs it.
         *
         * @param a1 the argument
         * @return the result
         */
        R apply(A1 a1);
    }

    /**
     * A function of two arguments.
     *
     * @param <A1> the first
     * @param <A2> the second
     * @param <R> the result
     */
    @FunctionalInterface
    public interface Func2<A1, A2, R> extends Serializable {
        /**
         * Runs it.
         *
         * @param a1 the first
         * @param a2 the second
         * @return the result
         */
        R apply(A1 a1, A2 a2);
    }

    /**
     * A function of three arguments.
     *
     * @param <A1> the first
     * @param <A2> the second
     * @param <A3> the third
     * @param <R> the result
     */
    @FunctionalInterface
    public interface Func3<A1, A2, A3, R> extends Serializable {
        /**
         * Runs it.
         *
         * @param a1 the first
         * @param a2 the second
         * @param a3 the third
         * @return the result
         */
        R apply(A1 a1, A2 a2, A3 a3);
    }

    /** A procedure of no arguments. */
    @FunctionalInterface
    public interface Proc extends Serializable {
        /** Runs it. */
        void apply();
    }

    /**
     * A procedure of one argument.
     *
     * @param <A1> the argument type
     */
    @FunctionalInterface
    public interface Proc1<A1> extends Serializable {
        /**
         * Runs it.
         *
         * @param a1 the argument
         */
        void apply(A1 a1);
    }

    /**
     * A procedure of two arguments.
     *
     * @param <A1> the first
     * @param <A2> the second
     */
    @FunctionalInterface
    public interface Proc2<A1, A2> extends Serializable {
        /**
         * Runs it.
         *
         * @param a1 the first
         * @param a2 the second
         */
        void apply(A1 a1, A2 a2);
    }

    /**
     * A procedure of three arguments.
     *
     * @param <A1> the first
     * @param <A2> the second
     * @param <A3> the third
     */
    @FunctionalInterface
    public interface Proc3<A1, A2, A3> extends Serializable {
        /**
         * Runs it.
         *
         * @param a1 the first
         * @param a2 the second
         * @param a3 the third
         */
        void apply(A1 a1, A2 a2, A3 a3);
    }
}
