package dev.weft.internal.replay;

import dev.weft.workflow.CancellationScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cancellation scope: what was started in it registers a cancel action, done when it is; a
 * cancel runs the actions of what is still pending, in the order it was started, and cancels the
 * nested scopes.
 */
final class Scope implements CancellationScope {
    private final WorkflowContext ctx;
    private final Scope parent;
    private final boolean detached;
    private final List<Scope> nested = new ArrayList<>();
    /** Cancel actions of what is pending; made at the first (a parked run often has none). */
    private Set<Runnable> pending;

    private Runnable body;
    private boolean canceled;
    private String reason;

    Scope(WorkflowContext ctx, Scope parent, boolean detached) {
        this.ctx = ctx;
        this.parent = parent;
        this.detached = detached;
        if (parent != null && !detached) {
            parent.nested.add(this);
            if (parent.isCancelRequested()) {
                canceled = true;
                reason = parent.reason;
            }
        }
    }

    Scope body(Runnable body) {
        this.body = body;
        return this;
    }

    @Override
    public void run() {
        if (body == null) {
            throw new IllegalStateException("This scope has no code to run: it is a workflow's root scope");
        }
        Scope outer = ctx.currentScope();
        ctx.setCurrentScope(this);
        try {
            body.run();
        } finally {
            ctx.setCurrentScope(outer);
        }
    }

    @Override
    public void cancel() {
        cancel(null);
    }

    @Override
    public void cancel(String why) {
        if (canceled) {
            return;
        }
        canceled = true;
        reason = why;
        if (pending != null) {
            for (Runnable r : new ArrayList<>(pending)) {
                r.run();
            }
            pending.clear();
        }
        for (Scope s : new ArrayList<>(nested)) {
            s.cancel(why);
        }
    }

    /**
     * Registers what cancels a thing started in this scope, until {@code done} is done.
     *
     * @return false if the scope is canceled already (the thing should not start)
     */
    boolean register(PromiseImpl<?> done, Runnable cancel) {
        if (isCancelRequested()) {
            return false;
        }
        if (pending == null) {
            pending = new LinkedHashSet<>();
        }
        Set<Runnable> actions = pending;
        actions.add(cancel);
        done.onDone(() -> actions.remove(cancel));
        return true;
    }

    @Override
    public boolean isCancelRequested() {
        return canceled;
    }

    @Override
    public String getCancellationReason() {
        return reason;
    }

    @Override
    public boolean isDetached() {
        return detached;
    }

    Scope parent() {
        return parent;
    }

    @Override
    public String toString() {
        return "CancellationScope[" + (detached ? "detached, " : "") + (canceled ? "canceled" : "active") + "]";
    }
}
