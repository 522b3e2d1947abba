/**
 * Wire formats at the edge: the one configured Jackson mapper, strict UTF-8, form and media-type
 * parsing. No HTTP framework types and no domain types; used by the rest of the HTTP adapter.
 */
package dev.authbackbone.adapter.in.http.wire;
