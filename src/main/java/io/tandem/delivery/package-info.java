/**
 * Delivery of notifications to the recipient's platform: the router picks the channel (console inbox, Slack,
 * Teams) from the recipient's member id.
 */
package io.tandem.delivery;
