/** Serves the leads' short-lived files: {@code GET /charts/<token>.png} and {@code GET /exports/<token>.csv}. */
package io.tandem.downloads;
