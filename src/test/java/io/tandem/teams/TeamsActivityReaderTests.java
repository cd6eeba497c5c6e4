package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timestamps in every ISO-8601 form channels send reach the SDK as the same instant; shapes it cannot answer do not.
 */
class TeamsActivityReaderTests {

    private final TeamsActivityReader reader = new TeamsActivityReader();

    private static String activity(String timestamp) {
        return """
                {"type":"message","id":"1","timestamp":"%s","localTimestamp":"%s","serviceUrl":"https://smba.example",
                 "channelId":"msteams","from":{"id":"29:1","aadObjectId":"aad-1"},"conversation":{"id":"a:1"},
                 "recipient":{"id":"28:bot"},"text":"help"}""".formatted(timestamp, timestamp);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-21T12:00:00Z, 2026-01-21T12:00:00Z",
        "2026-01-21T12:00:00.1234567Z, 2026-01-21T12:00:00.1234567Z",
        "2026-01-21T13:00:00+01:00, 2026-01-21T12:00:00Z",
        "2026-01-21T13:00:00.5+0100, 2026-01-21T12:00:00.5Z",
        "2026-01-21T07:00-05:00, 2026-01-21T12:00:00Z",
        "2026-01-21T12:00:00, 2026-01-21T12:00:00Z"
    })
    void readsAnyIsoTimestampAsTheSameInstant(String sent, String instant) throws Exception {
        var activity = reader.read(activity(sent));
        assertThat(activity.getTimestamp().toInstant())
                .isEqualTo(OffsetDateTime.parse(instant).toInstant());
        assertThat(activity.getLocalTimestamp().toInstant())
                .isEqualTo(OffsetDateTime.parse(instant).toInstant());
    }

    @Test
    void dropsATimestampNoReadingMakesSenseOf() throws Exception {
        var activity = reader.read(activity("last tuesday"));
        assertThat(activity.getLocalTimestamp()).isNull(); // (the SDK gives timestamp its own default, the time read)
        assertThat(activity.getText()).isEqualTo("help");
    }

    @Test
    void refusesWhatCannotBeAnswered() {
        String ok = activity("2026-01-21T12:00:00Z");
        assertThatThrownBy(() -> reader.read(ok.replace("\"conversation\":{\"id\":\"a:1\"},", "")))
                .hasMessage("no conversation id");
        assertThatThrownBy(() -> reader.read(ok.replace("\"from\":{\"id\":\"29:1\",\"aadObjectId\":\"aad-1\"},", "")))
                .hasMessage("no from id");
        assertThatThrownBy(() -> reader.read(ok.replace("https://smba.example", " ")))
                .hasMessage("no serviceUrl");
        assertThatThrownBy(() -> reader.read("[]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> reader.read("{")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> reader.read(" ")).hasMessage("empty body");
    }
}
