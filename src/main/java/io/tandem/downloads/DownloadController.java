package io.tandem.downloads;

import io.tandem.engine.Downloads;
import io.tandem.engine.StoreUnavailableException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lead's chart or export while its link lives (an hour); 404 once it expired, and for any other token. The
 * token is the only key: nothing else is reachable this way.
 */
@RestController
class DownloadController {

    private final Downloads downloads;

    DownloadController(Downloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/charts/{token}.png")
    ResponseEntity<byte[]> chart(@PathVariable String token) {
        return serve(Downloads.Kind.CHART, token, null);
    }

    @GetMapping("/exports/{token}.csv")
    ResponseEntity<byte[]> export(@PathVariable String token) {
        return serve(Downloads.Kind.EXPORT, token, "attachment; filename=\"tandem-stats.csv\"");
    }

    @GetMapping("/my-data/{token}.json")
    ResponseEntity<byte[]> myData(@PathVariable String token) {
        return serve(Downloads.Kind.MY_DATA, token, "attachment; filename=\"my-tandem-data.json\"");
    }

    private ResponseEntity<byte[]> serve(Downloads.Kind kind, String token, String disposition) {
        try {
            return downloads
                    .get(kind, token)
                    .map(bytes -> {
                        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                                .contentType(MediaType.parseMediaType(kind.contentType()))
                                .cacheControl(CacheControl.noStore());
                        if (disposition != null) {
                            ok.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
                        }
                        return ok.body(bytes);
                    })
                    .orElseGet(() -> ResponseEntity.notFound().build());
        } catch (StoreUnavailableException e) {
            return ResponseEntity.status(503).build();
        }
    }
}
