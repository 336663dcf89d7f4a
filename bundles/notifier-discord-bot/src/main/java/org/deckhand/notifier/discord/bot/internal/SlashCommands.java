package org.deckhand.notifier.discord.bot.internal;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's slash command {@code /deckhand}, with its subcommands {@code search <query>}, {@code status} and
 * {@code mix <query>}:
 * registered with Discord when the bot is ready, and answered in the bot's channel (elsewhere the bot points there,
 * in an answer only the asker sees). Discord wants an answer within 3 seconds of the interaction.
 */
final class SlashCommands {

    /** The command's name, as the user types it after the slash. */
    static final String COMMAND = "deckhand";
    static final String SEARCH = "search";
    static final String STATUS = "status";
    static final String MIX = "mix";
    static final String QUERY = "query";

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);

    private final LibraryAnswers answers;
    private final MixAnswers mixes;
    private final long channelId;

    /**
     * @param answers what the commands about the library answer
     * @param mixes what {@code /deckhand mix} answers
     * @param channelId the id of the Discord channel the bot answers in
     */
    SlashCommands(LibraryAnswers answers, MixAnswers mixes, long channelId) {
        this.answers = answers;
        this.mixes = mixes;
        this.channelId = channelId;
    }

    /** @return the command as it is registered with Discord */
    static SlashCommandData definition() {
        return Commands.slash(COMMAND, "Ask the Deckhand music server")
                .addSubcommands(
                        new SubcommandData(SEARCH, "Search the library in Deckhand's query language")
                                .addOption(OptionType.STRING, QUERY, "Such as: artist:surgeon bpm:130..140", true),
                        new SubcommandData(STATUS, "How many tracks the library holds"),
                        new SubcommandData(MIX, "Start a beat-matched mix of the tracks a search finds")
                                .addOption(OptionType.STRING, QUERY, "Such as: genre:techno bpm:124..130", true));
    }

    /**
     * Answers one use of the command.
     *
     * @param event the interaction Discord sent
     */
    void answer(SlashCommandInteractionEvent event) {
        if (!COMMAND.equals(event.getName())) {
            return;
        }
        if (event.getChannelIdLong() != channelId) {
            event.reply("Deckhand answers in <#" + Long.toUnsignedString(channelId) + ">.").setEphemeral(true)
                    .queue(null, error -> LOG.warn("Discord did not take an answer: {}", error.getMessage()));
            return;
        }
        String subcommand = event.getSubcommandName();
        String text;
        if (SEARCH.equals(subcommand)) {
            OptionMapping query = event.getOption(QUERY);
            text = answers.search(query == null ? "" : query.getAsString());
        } else if (STATUS.equals(subcommand)) {
            text = answers.status();
        } else if (MIX.equals(subcommand)) {
            OptionMapping query = event.getOption(QUERY);
            text = mixes.start(query == null ? "" : query.getAsString());
        } else {
            text = "Deckhand knows /deckhand search <query>, /deckhand status and /deckhand mix <query>.";
        }
        event.reply(text).queue(null, error -> LOG.warn("Discord did not take the answer to /{} {}: {}", COMMAND,
                subcommand, error.getMessage()));
    }
}
