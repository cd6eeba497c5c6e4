package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import io.tandem.engine.Block;
import io.tandem.engine.Downloads;
import io.tandem.engine.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code /stats} chart goes to Slack as a file, in the lead's direct messages with Tandem (the figures are for
 * leads, so never into a shared channel), and the reply says where it is. If the upload fails (the app lacks
 * {@code files:write}, say), the image stays a link to Tandem, which Slack shows if it can reach it.
 */
final class SlackCharts {

    private static final Logger log = LoggerFactory.getLogger(SlackCharts.class);
    private static final Pattern CHART = Pattern.compile(".*/charts/([0-9a-f]{64})\\.png$");

    private final Downloads downloads;

    SlackCharts(Downloads downloads) {
        this.downloads = downloads;
    }

    /** The reply with its charts uploaded to the user's DM, each replaced by a line saying so. */
    Reply uploaded(MethodsClient client, String user, Reply reply, Supplier<String> where) {
        if (reply.blocks().stream().noneMatch(Block.Image.class::isInstance)) {
            return reply;
        }
        List<Block> blocks = new ArrayList<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Image image && upload(client, user, image)) {
                blocks.add(new Block.Section(null, where.get(), List.of(), List.of()));
            } else {
                blocks.add(block);
            }
        }
        Reply.Builder out = Reply.builder().visibility(reply.visibility());
        blocks.forEach(out::block);
        return out.build();
    }

    private boolean upload(MethodsClient client, String user, Block.Image image) {
        Matcher m = CHART.matcher(image.url());
        if (!m.matches()) {
            return false;
        }
        Optional<byte[]> png = downloads.get(Downloads.Kind.CHART, m.group(1));
        if (png.isEmpty()) {
            return false;
        }
        try {
            var opened = client.conversationsOpen(r -> r.users(List.of(user)));
            if (!opened.isOk()) {
                log.warn("Could not open a DM to upload the /stats chart: {}", opened.getError());
                return false;
            }
            var uploaded =
                    client.filesUploadV2(r -> r.channel(opened.getChannel().getId())
                            .fileData(png.get())
                            .filename("tandem-stats.png")
                            .title(image.alt()));
            if (!uploaded.isOk()) {
                log.warn("Could not upload the /stats chart: {}", uploaded.getError());
            }
            return uploaded.isOk();
        } catch (Exception e) {
            log.warn("Could not upload the /stats chart: {}", e.getMessage());
            return false;
        }
    }
}
