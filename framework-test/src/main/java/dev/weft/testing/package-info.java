/**
 * Support for testing Weft workflows and activities.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.weft.testing;
