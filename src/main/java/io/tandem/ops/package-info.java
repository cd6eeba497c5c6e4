/** Operations: the metrics Prometheus scrapes at {@code /actuator/prometheus}, beside the health probes. */
package io.tandem.ops;
