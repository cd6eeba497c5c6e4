/**
 * HTTP concerns shared by the platform endpoints ({@code /slack/events}, {@code /api/messages}) that belong to
 * neither adapter: how large a request body may be.
 */
package io.tandem.web;
