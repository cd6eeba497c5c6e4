/** Wiring: settings, the engine's beans, and the environment mapping for operators' variables. */
package io.tandem.config;
