package org.deckhand.notifier.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.security.SealedSecrets;

/**
 * The configured channels in the notifier's database. The settings that a channel's type marks secret are stored
 * sealed ({@link SealedSecrets}) under the key in {@value #KEY_FILE}, beside the database; the others as plain JSON.
 * A channel whose secrets no longer decrypt (its key file was lost or replaced) reads as stopped, saying so, until the
 * user enters them again.
 */
public final class ChannelStore {

    /** The file of the key the secrets are sealed under, in the notifier's folder. */
    public static final String KEY_FILE = "secrets.key";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final String COLUMNS = "id, type, name, enabled, min_level, kinds, rate_per_minute, settings, "
            + "secrets, stopped_status, stopped_reason, created_millis";

    private final NotifierDatabase database;
    private final SealedSecrets secrets;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param database the notifier's database
     * @param secrets seals the secret settings
     */
    public ChannelStore(NotifierDatabase database, SealedSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    /** @return every channel, by id */
    public List<StoredChannel> list() {
        return database.transaction("list the channels", connection -> {
            List<StoredChannel> channels = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM channel ORDER BY id")) {
                while (rows.next()) {
                    channels.add(read(rows));
                }
            }
            return channels;
        });
    }

    /**
     * @param id a channel's id
     * @return the channel, if it exists
     */
    public Optional<StoredChannel> get(long id) {
        return database.transaction("read channel " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM channel WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * @param draft the new channel
     * @param secretKeys which of its settings are secret
     * @param now when it is made
     * @return its id
     */
    public long insert(StoredChannel.ChannelDraft draft, Set<String> secretKeys, Instant now) {
        return database.transaction("add a channel", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO channel (type, name, enabled, "
                    + "min_level, kinds, rate_per_minute, settings, secrets, created_millis) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bindDraft(insert, draft, secretKeys);
                insert.setLong(9, now.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Replaces a channel's settings and rules, and clears its stop.
     *
     * @param id the channel's id
     * @param draft what it becomes
     * @param secretKeys which of its settings are secret
     * @return whether the channel exists
     */
    public boolean update(long id, StoredChannel.ChannelDraft draft, Set<String> secretKeys) {
        return database.transaction("change channel " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE channel SET type = ?, name = ?, "
                    + "enabled = ?, min_level = ?, kinds = ?, rate_per_minute = ?, settings = ?, secrets = ?, "
                    + "stopped_status = NULL, stopped_reason = NULL WHERE id = ?")) {
                bindDraft(update, draft, secretKeys);
                update.setLong(9, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Forgets a channel and its deliveries, sent or waiting.
     *
     * @param id the channel's id
     * @return whether it existed
     */
    public boolean delete(long id) {
        return database.transaction("delete channel " + id, connection -> {
            try (PreparedStatement deliveries = connection.prepareStatement("DELETE FROM delivery WHERE channel_id = ?");
                    PreparedStatement channel = connection.prepareStatement("DELETE FROM channel WHERE id = ?")) {
                deliveries.setLong(1, id);
                deliveries.executeUpdate();
                channel.setLong(1, id);
                return channel.executeUpdate() == 1;
            }
        });
    }

    /**
     * Stops a channel after a permanent error, or resumes it.
     *
     * @param id the channel's id
     * @param stop why it stops; empty to resume it
     */
    public void setStop(long id, Optional<StoredChannel.Stop> stop) {
        database.transaction("stop channel " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE channel SET stopped_status = ?, "
                    + "stopped_reason = ? WHERE id = ?")) {
                if (stop.isPresent()) {
                    update.setInt(1, stop.get().status());
                    update.setString(2, Outbox.clip(stop.get().reason(), 1000));
                } else {
                    update.setNull(1, Types.INTEGER);
                    update.setNull(2, Types.VARCHAR);
                }
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    private void bindDraft(PreparedStatement statement, StoredChannel.ChannelDraft draft, Set<String> secretKeys)
            throws SQLException {
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secret = new TreeMap<>();
        draft.settings().forEach((key, value) -> (secretKeys.contains(key) ? secret : plain).put(key, value));
        statement.setString(1, draft.type());
        statement.setString(2, Outbox.clip(draft.name(), 200));
        statement.setBoolean(3, draft.enabled());
        statement.setString(4, draft.minimumLevel().name());
        statement.setString(5, draft.kinds().stream().map(Kind::name).sorted().collect(Collectors.joining(",")));
        statement.setInt(6, draft.ratePerMinute());
        statement.setString(7, write(plain));
        statement.setString(8, secrets.seal(write(secret)));
    }

    /** @throws IllegalArgumentException if the secrets do not decrypt with the key, saying what to do */
    private String openSecrets(String sealed) {
        try {
            return secrets.open(sealed);
        } catch (IllegalArgumentException wrongKey) {
            throw new IllegalArgumentException("The channel's secrets do not decrypt with " + KEY_FILE
                    + ": enter them again", wrongKey);
        }
    }

    private StoredChannel read(ResultSet row) throws SQLException {
        Map<String, String> settings = new HashMap<>(parse(row.getString("settings")));
        Optional<StoredChannel.Stop> unreadable = Optional.empty();
        try {
            settings.putAll(parse(openSecrets(row.getString("secrets"))));
        } catch (IllegalArgumentException damaged) {
            unreadable = Optional.of(new StoredChannel.Stop(0, damaged.getMessage()));
        }
        String kindList = row.getString("kinds");
        Set<Kind> kinds = kindList.isEmpty() ? EnumSet.noneOf(Kind.class) : Arrays.stream(kindList.split(","))
                .map(Kind::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        StoredChannel.ChannelDraft draft = new StoredChannel.ChannelDraft(row.getString("type"),
                row.getString("name"), row.getBoolean("enabled"), Level.valueOf(row.getString("min_level")), kinds,
                row.getInt("rate_per_minute"), settings);
        String reason = row.getString("stopped_reason");
        Optional<StoredChannel.Stop> stop = reason == null ? unreadable
                : Optional.of(new StoredChannel.Stop(row.getInt("stopped_status"), reason));
        return new StoredChannel(row.getLong("id"), draft, stop, Instant.ofEpochMilli(row.getLong("created_millis")));
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    private Map<String, String> parse(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A channel's stored settings are damaged: " + e.getOriginalMessage());
        }
    }
}
