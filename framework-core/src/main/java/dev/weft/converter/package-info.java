/**
 * How workflow and activity data become SWF payloads: {@link dev.weft.converter.DataConverter},
 * with Jackson by default.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.weft.converter;
