/**
 * Requests and pairs: asking a mentor, accepting (atomically, within the mentor's capacity), declining, expiry,
 * pausing and ending a pair. Ports: {@link io.tandem.pairing.RequestStore}, {@link io.tandem.pairing.PairStore}.
 */
package io.tandem.pairing;
