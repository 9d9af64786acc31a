package dev.weft.internal.replay;

import software.amazon.awssdk.services.swf.model.Decision;
import software.amazon.awssdk.services.swf.model.DecisionType;
import software.amazon.awssdk.services.swf.model.EventType;
import software.amazon.awssdk.services.swf.model.HistoryEvent;

/**
 * A marker: RecordMarker and its MarkerRecorded event. Side effects, versions and local activity
 * results are markers; replaying, the decider reads their details instead of running the code.
 */
final class MarkerMachine {
    enum State {
        CREATED,
        RECORDED,
        FAILED
    }

    enum Trigger {
        RECORDED,
        FAILED
    }

    static final Transitions<State, Trigger> TABLE = Transitions.of(
                    "MarkerMachine", State.CREATED, State.class, Trigger.class)
            .add(State.CREATED, Trigger.RECORDED, State.RECORDED)
            .add(State.CREATED, Trigger.FAILED, State.FAILED);

    private State state = State.CREATED;
    /** The details as the history recorded them (replaying: the recorded value). */
    private String recorded;

    MarkerMachine(WorkflowContext ctx, String name, String details) {
        Decision d = Decision.builder()
                .decisionType(DecisionType.RECORD_MARKER)
                .recordMarkerDecisionAttributes(a -> a.markerName(name).details(details))
                .build();
        recorded = details;
        ctx.command(new Command(
                d,
                "RecordMarker markerName=" + name,
                e -> (e.eventType() == EventType.MARKER_RECORDED
                                && name.equals(e.markerRecordedEventAttributes().markerName()))
                        || (e.eventType() == EventType.RECORD_MARKER_FAILED
                                && name.equals(
                                        e.recordMarkerFailedEventAttributes().markerName())),
                this::recorded));
    }

    private void recorded(HistoryEvent e) {
        if (e.eventType() == EventType.MARKER_RECORDED) {
            state = TABLE.next(state, Trigger.RECORDED);
            recorded = e.markerRecordedEventAttributes().details();
        } else {
            state = TABLE.next(state, Trigger.FAILED);
        }
    }

    /** The details: as recorded when replaying, as given otherwise. */
    String details() {
        return recorded;
    }

    State state() {
        return state;
    }
}
