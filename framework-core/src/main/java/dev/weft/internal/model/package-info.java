/**
 * Annotated interfaces parsed once into immutable models, with every misuse reported at
 * registration. No compatibility guarantee.
 */
package dev.weft.internal.model;
