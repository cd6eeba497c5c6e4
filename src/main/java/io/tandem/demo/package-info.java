/**
 * Demo data for local mode: a realistic 30-person organisation (or a synthetic one of any size, for load tests),
 * loaded into an empty store so that {@code /mentor find seo} answers at once.
 */
package io.tandem.demo;
