/**
 * The annotations that describe Weft workflows and activities.
 *
 * <p>This module has no dependencies, so that interfaces carrying these annotations can be shared
 * with code that does not run Weft.
 */
package dev.weft.annotations;
