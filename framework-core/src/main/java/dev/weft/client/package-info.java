/**
 * Clients of SWF: building the AWS SDK's {@code SwfClient} for the service or for an endpoint such
 * as {@code ./swf-local}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.weft.client;
