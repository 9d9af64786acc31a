package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A signal a running workflow accepts (the Flow Framework's {@code @Signal}). Must return void;
 * its parameters are the signal's input. Signals run in the order the execution's history records
 * them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignalMethod {
    /**
     * The signal's name in SWF. Default: the method's name.
     *
     * @return the signal's name in SWF
     */
    String name() default "";
}
