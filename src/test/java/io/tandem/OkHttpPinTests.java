package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Slack's SDK brings OkHttp 4.12 and the Bot Framework's OkHttp 3.12: the build pins one, 4.12.0, for both.
 * {@code FakeSlackApiTests} and {@code FakeBotConnectorTests} (and the adapter tests) prove each SDK still sends
 * through it; this test fails if a dependency change lets another OkHttp in.
 */
class OkHttpPinTests {

    @Test
    void runsBothSdksOnOneOkHttp() throws Exception {
        assertThat(okhttp3.OkHttp.VERSION).isEqualTo("4.12.0");
        assertThat(Class.forName("okhttp3.logging.HttpLoggingInterceptor")
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString())
                .contains("4.12.0");
        assertThat(Class.forName("okhttp3.JavaNetCookieJar")
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString())
                .contains("okhttp-urlconnection")
                .contains("4.12.0");
        // no other OkHttp on the class path, and the OkHttp both SDKs' clients link against is that one
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(jar -> jar.matches(".*[/\\\\]okhttp[^/\\\\]*\\.jar")))
                .isNotEmpty()
                .allSatisfy(jar -> assertThat(jar).contains("4.12.0"));
        for (String client : new String[] {
            "com.microsoft.bot.connector.rest.RestConnectorClient", "com.slack.api.util.http.SlackHttpClient"
        }) {
            ClassLoader loader = Class.forName(client).getClassLoader();
            assertThat(Class.forName("okhttp3.OkHttpClient", false, loader)
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toString())
                    .as(client)
                    .contains("okhttp-4.12.0");
        }
    }
}
