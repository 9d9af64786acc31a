/** JSON plumbing shared by the decider, the worker and the default data converter. Internal. */
package dev.weft.internal.json;
