package dev.weft.client;

import dev.weft.internal.model.WorkflowModel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import software.amazon.awssdk.services.swf.model.WorkflowExecution;

/**
 * The handler behind typed client stubs: the workflow method starts (and waits, unless {@link
 * WorkflowClient#start} is calling), signal methods signal, the state method reads the state.
 */
final class ClientStubHandler implements InvocationHandler {
    /**
     * Set while {@code WorkflowClient.start} calls a stub: the execution started, to hand back.
     */
    private static final ThreadLocal<WorkflowExecution[]> START_ONLY = new ThreadLocal<>();

    private final WorkflowModel model;
    private final WorkflowStub stub;

    ClientStubHandler(WorkflowModel model, WorkflowStub stub) {
        this.model = model;
        this.stub = stub;
    }

    WorkflowStub untyped() {
        return stub;
    }

    static WorkflowExecution startOnly(Supplier<?> call) {
        WorkflowExecution[] started = new WorkflowExecution[1];
        START_ONLY.set(started);
        try {
            var unused = call.get(); // The stub hands back a placeholder; the start is what counts.
        } finally {
            START_ONLY.remove();
        }
        if (started[0] == null) {
            throw new IllegalArgumentException("WorkflowClient.start takes a method reference to the @WorkflowMethod"
                    + " of a stub from WorkflowClient.newWorkflowStub, such as start(orders::process, cart)");
        }
        return started[0];
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) {
        Object[] a = args == null ? new Object[0] : args;
        if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
                case "toString" -> "WorkflowClientStub[" + model.typeLabel() + ", " + stub + "]";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == a[0];
                default -> throw new UnsupportedOperationException(m.getName());
            };
        }
        if (m.equals(model.entry())) {
            WorkflowExecution[] started = START_ONLY.get();
            if (started != null) {
                START_ONLY.remove();
                started[0] = stub.start(a);
                return zero(m.getReturnType());
            }
            stub.start(a);
            Object result = stub.await(m.getGenericReturnType(), Long.MAX_VALUE);
            return m.getReturnType() == void.class ? null : result;
        }
        String signal = model.signalName(m);
        if (signal != null) {
            stub.signal(signal, a);
            return null;
        }
        if (m.equals(model.state())) {
            Object state = stub.state(m.getGenericReturnType());
            return state == null ? zero(m.getReturnType()) : state;
        }
        throw new UnsupportedOperationException(model.type().getSimpleName() + "." + m.getName() + " is not a"
                + " @WorkflowMethod, @SignalMethod or @GetState method");
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
