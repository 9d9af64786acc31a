/**
 * The reference engine over HTTP with SWF's wire protocol, and the {@code swf-local} server. No
 * compatibility guarantee; use {@link dev.weft.engine.SwfHttpServer}.
 */
package dev.weft.internal.http;
