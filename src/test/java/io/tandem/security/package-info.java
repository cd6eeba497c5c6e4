/** Tests of what each mode exposes over HTTP: the console, the Teams endpoint, request sizes. */
package io.tandem.security;
