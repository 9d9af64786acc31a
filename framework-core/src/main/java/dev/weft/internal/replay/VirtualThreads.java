package dev.weft.internal.replay;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads, found at run time: Weft is compiled for Java 17, which has none.
 */
public final class VirtualThreads {
    private static final int FEATURE = Runtime.version().feature();
    /** Makes unstarted virtual threads (JDK 21+), or null. Built once: reflection per thread costs. */
    private static final ThreadFactory FACTORY = factory();

    private VirtualThreads() {}

    /**
     * A factory of unstarted virtual threads if the running JDK is {@code minimumFeature} or later
     * (and 21 at least), else null.
     */
    public static ThreadFactory since(int minimumFeature) {
        return FEATURE >= minimumFeature ? FACTORY : null;
    }

    /**
     * {@code Thread.ofVirtual().factory()}, looked up on the public interfaces (the builder's own
     * class is not accessible); null before JDK 21, and on JDK 19 and 20 without preview features.
     */
    private static ThreadFactory factory() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
            return (ThreadFactory) factory.invoke(ofVirtual.invoke(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
