/**
 * Redis implementations of the engine's and features' ports (named by technology: {@code RedisProfileStore}),
 * key layout, and the embedded {@code redis-server} used when no Redis is configured.
 *
 * <p>Every key is namespaced by workspace inside a hash tag, {@code tandem:{<workspace>}:…}, so one workspace's
 * keys live in one Redis Cluster slot and multi-key transactions stay possible.
 */
package io.tandem.store;
