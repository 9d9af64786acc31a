/**
 * The reference SWF engine: an in-process implementation of Amazon SWF that workers, clients,
 * tests and samples talk to through the AWS SDK's own {@code SwfClient} interface.
 *
 * <p>Start with {@link dev.weft.engine.SwfEngine#builder()}. Parameters and return values are
 * non-null unless documented otherwise.
 */
package dev.weft.engine;
