/**
 * Testing Weft workflows and activities: {@link dev.weft.testing.WeftExtension} for JUnit 5 tests
 * (an environment per test, parameters, every execution replayed afterwards), {@link
 * dev.weft.testing.TestWorkflowEnvironment} (the reference engine on virtual time, hosted workers,
 * a client), {@link dev.weft.testing.WorkflowReplayer} for stored histories, {@link
 * dev.weft.testing.TestActivityEnvironment} for activities on their own, and {@link
 * dev.weft.testing.HistoryAssert} for checks on histories. The guide is {@code docs/testing.md}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.weft.testing;
