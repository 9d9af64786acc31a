package dev.weft.internal.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.swf.SwfClient;
import software.amazon.awssdk.services.swf.model.SwfRequest;
import software.amazon.awssdk.services.swf.model.SwfResponse;

/**
 * SWF's operations, found in the SDK's {@link SwfClient} interface: one per method that takes a
 * request object, named as the wire names it ({@code pollForDecisionTask} is {@code
 * PollForDecisionTask}).
 */
final class Operations {
    /** One operation: its name, how to build its request, and how to call it. */
    static final class Operation {
        final String name;
        private final Method builder;
        private final Method call;

        Operation(String name, Method builder, Method call) {
            this.name = name;
            this.builder = builder;
            this.call = call;
        }

        /** A fresh builder of the operation's request. */
        SdkPojo requestBuilder() {
            try {
                return (SdkPojo) builder.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("[BUG] cannot build a " + name + " request", e);
            }
        }

        /** Calls the operation; SWF faults and other runtime exceptions come through unchanged. */
        SwfResponse invoke(SwfClient swf, SwfRequest request) {
            try {
                return (SwfResponse) call.invoke(swf, request);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("[BUG] " + name + " failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("[BUG] cannot call " + name, e);
            }
        }
    }

    static final Map<String, Operation> ALL = find();

    private Operations() {}

    private static Map<String, Operation> find() {
        Map<String, Operation> ops = new TreeMap<>();
        for (Method m : SwfClient.class.getMethods()) {
            if (m.getParameterCount() != 1 || !SwfRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                continue;
            }
            Class<?> request = m.getParameterTypes()[0];
            try {
                Method builder = request.getMethod("builder");
                if (!Modifier.isStatic(builder.getModifiers())) {
                    continue;
                }
                String name = Character.toUpperCase(m.getName().charAt(0))
                        + m.getName().substring(1);
                ops.put(name, new Operation(name, builder, m));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("[BUG] " + request.getName() + " has no builder()", e);
            }
        }
        return Collections.unmodifiableMap(ops);
    }
}
