/**
 * Generated stub classes. Internal: no compatibility guarantee.
 */
package dev.weft.internal.proxy;
