package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The percentiles every benchmark reports (nearest rank), checked in the normal build. */
class BenchResultsTests {

    @Test
    void takesTheNearestRankPercentile() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // 100 … 1, unsorted
        }
        assertThat(BenchResults.percentile(values, 50)).isEqualTo(50);
        assertThat(BenchResults.percentile(values, 99)).isEqualTo(99);
        assertThat(BenchResults.percentile(values, 100)).isEqualTo(100);
        assertThat(BenchResults.percentile(new long[] {7}, 99)).isEqualTo(7);
        assertThat(BenchResults.percentile(new long[0], 50)).isZero();
        assertThat(values[0]).as("the input is left as it was").isEqualTo(100);
    }
}
