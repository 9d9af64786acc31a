/**
 * Clients of SWF: {@link dev.weft.client.WorkflowClient} to start, signal, inspect and wait for
 * workflows with typed stubs, list and count executions, export histories, and send actions to
 * steps that wait for them; {@link dev.weft.client.SwfClients} to build the AWS SDK's {@code
 * SwfClient} for the service or for an endpoint such as {@code ./swf-local}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.weft.client;
