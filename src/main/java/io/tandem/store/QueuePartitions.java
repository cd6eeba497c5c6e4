package io.tandem.store;

import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The delivery queue and the nudge schedule are split by workspace into {@value #COUNT} fixed partitions, each under
 * a hash tag of its own, so that on a Redis Cluster they spread over the shards instead of living on one: adding
 * shards adds throughput. A workspace's deliveries and nudges are in one partition, so handing a nudge over to
 * delivery stays one script. Each partition's tag is chosen so that its slot falls in its own sixteenth of the
 * 16,384 slots: a cluster whose slots are split in even ranges (as {@code redis-cli --cluster create} does) gets
 * the partitions spread evenly over its primaries. The count is fixed: changing it would strand queued work.
 */
final class QueuePartitions {

    static final int COUNT = 16;
    private static final int SLOTS = 16384;
    private static final String[] TAGS = new String[COUNT];

    static {
        for (int p = 0; p < COUNT; p++) {
            for (int k = 0; TAGS[p] == null; k++) {
                String tag = "q" + p + "." + k;
                if (SlotHash.getSlot(tag) * COUNT / SLOTS == p) {
                    TAGS[p] = tag;
                }
            }
        }
    }

    private QueuePartitions() {}

    /** The partition of a workspace (a stable hash, the same on every instance and every version). */
    static int of(String workspace) {
        CRC32 crc = new CRC32();
        crc.update(workspace.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % COUNT);
    }

    /** The key prefix of a partition: {@code tandem:{q<p>.<k>}:}. */
    static String prefix(int partition) {
        return "tandem:{" + TAGS[partition] + "}:";
    }
}
