package io.tandem.campaigns;

import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.modules.Modules;
import io.tandem.profiles.Profile;
import io.tandem.stats.StatsView;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin programme status <name>} and {@code /stats programme <name>}: the programme's {@link Funnel}
 * for its leads, with its top contributors; any figure about fewer than 5 people shows as {@code <5}, as in
 * {@code /stats}.
 */
@Component
class CampaignStatus {

    private final Funnel funnel;
    private final Modules modules;

    CampaignStatus(Funnel funnel, Modules modules) {
        this.funnel = funnel;
        this.modules = modules;
    }

    Reply status(Invocation in, Campaign campaign) {
        Funnel.Figures f = funnel.of(campaign);
        Reply.Builder reply = Reply.builder()
                .text(in.t("programme.status.heading", campaign.name()))
                .section(null, line(f, in.messages()))
                .section(
                        null,
                        in.t(
                                "programme.status.reverse",
                                StatsView.share(
                                        f.reverse(),
                                        f.pairs(),
                                        in.messages().language().locale())));
        Modules.Completion done = modules.completion(campaign.workspace(), funnel.pairs(campaign));
        if (done.plans() > 0) {
            reply.section(
                    null,
                    in.t(
                            "programme.status.modules",
                            StatsView.count(done.plans()),
                            StatsView.count(done.started()),
                            StatsView.count(done.completed())));
        }
        if (!f.contributors().isEmpty()) {
            reply.items(
                    in.t("programme.status.contributors"),
                    f.contributors().stream().map(Profile::label).toList());
        }
        return reply.section(null, in.t("stats.privacy")).build();
    }

    /** The funnel in one line, figures under 5 masked. */
    static String line(Funnel.Figures f, Messages m) {
        return m.get(
                "programme.status.funnel",
                StatsView.count(f.invited()),
                StatsView.count(f.joined()),
                StatsView.count(f.learners()),
                StatsView.count(f.mentors()),
                StatsView.count(f.pairs()),
                StatsView.count(f.met()),
                StatsView.count(f.meeting()));
    }
}
