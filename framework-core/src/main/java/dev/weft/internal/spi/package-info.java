/**
 * Contracts between Weft's parts that must not depend on one another. Internal: no compatibility
 * guarantee.
 */
package dev.weft.internal.spi;
