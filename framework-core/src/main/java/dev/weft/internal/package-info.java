/**
 * Weft's machinery. Nothing under {@code dev.weft.internal} is public API: it may change in any
 * release, with no compatibility guarantee. Use the public packages instead.
 */
package dev.weft.internal;
