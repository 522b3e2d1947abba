/**
 * The bundled HTML pages (link landing pages, their answers, the development inbox) with their
 * escaping and security headers. Self-contained pages with no scripts; used by the HTTP adapter's
 * routes and its page error dialect.
 */
package dev.authbackbone.adapter.in.http.page;
