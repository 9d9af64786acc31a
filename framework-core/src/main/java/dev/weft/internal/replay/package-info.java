/**
 * The replaying decider: history in, decisions out. Workflow code runs on cooperative threads
 * that take turns deterministically; one state machine per command kind (activity, timer, child,
 * external execution, Lambda, marker) matches the decisions it makes against the events the
 * history recorded. Internal: no compatibility guarantee.
 */
package dev.weft.internal.replay;
