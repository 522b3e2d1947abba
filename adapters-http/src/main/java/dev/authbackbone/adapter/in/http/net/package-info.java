/**
 * Who is on the other end of a request: the client address behind trusted proxies
 * ({@link dev.authbackbone.adapter.in.http.net.TrustedProxies}, {@link dev.authbackbone.adapter.in.http.net.ClientIp})
 * what counts as loopback ({@link dev.authbackbone.adapter.in.http.net.Loopback}), and which addresses
 * count as one client ({@link dev.authbackbone.adapter.in.http.net.ClientAddressGroup}). Used by the
 * routes, the limits and the composition root, which reads the trusted proxies from configuration.
 */
package dev.authbackbone.adapter.in.http.net;
