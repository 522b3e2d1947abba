/**
 * What keeps slow, greedy or tricky clients from holding or steering the server, below the routes:
 * a request is read in full without a request thread and must arrive within the read timeout, the
 * bodies still arriving share a bounded memory budget, one client address (an IPv6 /64) holds a
 * bounded number of connections, and the method on the request line is the
 * only method (override headers are dropped). Used by the HTTP adapter's root package when it
 * builds the Jetty server.
 */
package dev.authbackbone.adapter.in.http.connection;
