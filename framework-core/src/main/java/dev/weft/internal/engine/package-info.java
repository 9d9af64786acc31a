/**
 * The reference SWF engine: an in-process implementation of the SWF API with the service's
 * semantics. No compatibility guarantee; use {@link dev.weft.engine.SwfEngine}.
 *
 * <p>Concurrency: each workflow execution has its own monitor ({@code synchronized} on the {@link
 * dev.weft.internal.engine.Execution}); task lists have their own locks; registries are concurrent
 * maps. No code holds two execution monitors at once: effects on another execution (child starts,
 * external signals, child policies, parent notifications) are collected while one monitor is held
 * and applied after it is released.
 */
package dev.weft.internal.engine;
