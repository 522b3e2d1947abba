/**
 * What keeps slow or greedy clients from holding the server, below the routes: a request is read
 * in full without a request thread and must arrive within the read timeout, and one client address
 * holds a bounded number of connections. Used by the HTTP adapter's root package when it builds
 * the Jetty connector.
 */
package dev.authbackbone.adapter.in.http.connection;
