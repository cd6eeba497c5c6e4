/**
 * Delivery of notifications to members on their own platform, never lost: each notification is queued durably
 * ({@link io.tandem.delivery.DeliveryQueue}), claimed with a lease by a {@link io.tandem.delivery.DeliveryWorker},
 * and sent by the platform's {@link io.tandem.delivery.Sender}. Rate limits are waited out, transient errors
 * retried with backoff, and permanent failures recorded with their reason for programme leads.
 */
package io.tandem.delivery;
