/**
 * The machinery of workers: pollers, the workflow cache, activity execution and heartbeats,
 * registration, retries. Internal: no compatibility guarantee.
 */
package dev.weft.internal.worker;
