package io.tandem.programme;

import io.tandem.config.TandemProperties;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Refusal;
import io.tandem.engine.Text;
import io.tandem.profiles.MemberEmails;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who runs the programme in each workspace, and where it talks to everyone.
 *
 * <p>{@code tandem.leads}: member ids of programme leads ({@code console:lena}, {@code slack:T1:U2},
 * {@code teams:<tenant>:<aad id>}) or their work emails (matched once Slack or a roster gave Tandem the email),
 * and those a lead names from chat. {@code tandem.programme-channel}: per workspace, the channel where tips of the
 * week and questions nobody answered are posted ({@code slack:T1:#C0123}, {@code teams:<tenant>:#19:…},
 * {@code console:#programme}). Values that cannot be read are reported once at start-up and ignored.
 */
@Component
public class Programme {

    private static final Logger log = LoggerFactory.getLogger(Programme.class);

    private final List<MemberId> leads;
    private final List<String> leadEmails;
    private final List<MemberId> channels;
    private final Language language;
    private final LeadStore named;
    private final ProgrammeSettings settings;
    private final MemberEmails emails;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s:]+@[^@\\s]+\\.[^@\\s]+");
    private final List<WorkspaceAdmins> admins;

    public Programme(
            TandemProperties properties,
            LeadStore named,
            List<WorkspaceAdmins> admins,
            ProgrammeSettings settings,
            MemberEmails emails) {
        List<String> leads = properties.leads();
        List<String> channels = properties.programmeChannel();
        String language = properties.programmeLanguage();
        this.settings = settings;
        this.emails = emails;
        this.leadEmails = leads.stream()
                .map(String::strip)
                .filter(l -> EMAIL.matcher(l).matches())
                .map(l -> l.toLowerCase(Locale.ROOT))
                .toList();
        this.named = named;
        this.admins = List.copyOf(admins);
        this.leads = read(
                "tandem.leads",
                leads.stream().filter(l -> !EMAIL.matcher(l.strip()).matches()).toList(),
                false);
        this.channels = read("tandem.programme-channel", channels, true);
        this.language = Language.parse(language).orElseGet(() -> {
            log.warn(
                    "tandem.programme-language: \"{}\" is neither en nor fr; the channel will be in English", language);
            return Language.EN;
        });
    }

    /** The language of the programme channel's posts: a lead's choice, else {@code tandem.programme-language}. */
    public Language language(String workspace) {
        return settings.get(workspace, ProgrammeSettings.Key.PROGRAMME_LANGUAGE)
                .flatMap(Language::parse)
                .orElse(language);
    }

    private static List<MemberId> read(String property, List<String> values, boolean channel) {
        List<MemberId> out = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<MemberId> id = MemberId.parse(value.strip());
            if (id.isEmpty() || id.get().isChannel() != channel) {
                log.warn(
                        "{}: cannot read \"{}\" as a {} (e.g. {}); ignored",
                        property,
                        value.strip(),
                        channel ? "channel" : "member id",
                        channel ? "slack:T0123:#C0456" : "slack:T0123:U0456");
                continue;
            }
            out.add(id.get());
        }
        return List.copyOf(out);
    }

    /** A lead by configuration, named from chat by another lead, or a workspace admin if those count. */
    /** The one check every lead-only command makes first. */
    public void requireLead(Invocation in) {
        if (!isLead(in.caller().id())) {
            throw new Refusal("admin.leads-only");
        }
    }

    public boolean isLead(MemberId member) {
        return configuredLead(member)
                || named.leads(member.workspace()).contains(member)
                || admins.stream().anyMatch(a -> a.isAdmin(member));
    }

    /** Named in {@code tandem.leads}: cannot be removed from chat. */
    public boolean configuredLead(MemberId member) {
        return leads.contains(member)
                || !leadEmails.isEmpty()
                        && !member.isChannel()
                        && emails.of(member).map(leadEmails::contains).orElse(false);
    }

    /** The leads of a workspace, to notify (workspace admins only once they are named). */
    public List<MemberId> leads(String workspace) {
        LinkedHashSet<MemberId> all = new LinkedHashSet<>();
        leads.stream().filter(l -> l.workspace().equals(workspace)).forEach(all::add);
        leadEmails.forEach(e -> emails.find(workspace, e).ifPresent(all::add));
        all.addAll(named.leads(workspace).stream()
                .sorted(Comparator.comparing(MemberId::toString))
                .toList());
        return List.copyOf(all);
    }

    public boolean addLead(MemberId member) {
        return named.add(member);
    }

    public boolean removeLead(MemberId member) {
        return named.remove(member);
    }

    /** The workspace's programme channel: a lead's choice ({@code none} for none), else the configured one. */
    public Optional<MemberId> channel(String workspace) {
        Optional<String> chosen = settings.get(workspace, ProgrammeSettings.Key.PROGRAMME_CHANNEL);
        if (chosen.isPresent()) {
            return chosen.get().equals(NONE) ? Optional.empty() : Optional.of(new MemberId(workspace, chosen.get()));
        }
        return channels.stream().filter(c -> c.workspace().equals(workspace)).findFirst();
    }

    /**
     * A lead sets the programme channel: {@code here} (the channel they type in), a Slack channel mention or id
     * ({@code <#C0123|general>}, {@code #C0123}), or {@code none}. Returns the channel's id as stored.
     */
    public String setChannel(ChatEvent event, String typed) {
        String ws = event.member().workspace();
        String t = typed.strip();
        String channel;
        if (List.of("none", "off", "aucun", "aucune").contains(Text.fold(t))) {
            channel = NONE;
        } else if (List.of("here", "ici").contains(Text.fold(t))) {
            channel = here(event);
        } else {
            Matcher slack =
                    Pattern.compile("<?#([CG][A-Z0-9]{2,})(\\|[^>]*)?>?").matcher(t);
            if (event.platform() != Platform.SLACK || !slack.matches()) {
                throw new Refusal("settings.invalid.channel");
            }
            channel = "#" + slack.group(1);
        }
        settings.set(ws, ProgrammeSettings.Key.PROGRAMME_CHANNEL, channel);
        return channel;
    }

    /** The channel an event came from, if it is one a programme can post to (not a direct message). */
    private static String here(ChatEvent event) {
        String conversation =
                event.conversation() == null ? "" : event.conversation().split(";", 2)[0];
        boolean channel = switch (event.platform()) {
            case CONSOLE -> true;
            case SLACK -> conversation.startsWith("C") || conversation.startsWith("G");
            case TEAMS -> conversation.startsWith("19:");
        };
        if (!channel || conversation.isBlank()) {
            throw new Refusal("settings.invalid.here");
        }
        return event.platform() == Platform.CONSOLE ? "#programme" : "#" + conversation;
    }

    static final String NONE = "none";
}
