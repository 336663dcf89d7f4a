package org.deckhand.notifier.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Discord's OpenAPI document (HTTP API v10, OpenAPI 3.1, in {@code shared/fixtures/discord/openapi.json}, beside the
 * repository; the system property {@code deckhand.fixtures} names another fixtures folder), and its schemas as JSON
 * Schema 2020-12 validators (networknt json-schema-validator), with format assertions on.
 */
public final class DiscordOpenApi {

    /** The JSON pointer of the webhook execution's request body schemas, per media type. */
    private static final String EXECUTE_BODY = "#/paths/~1webhooks~1%7Bwebhook_id%7D~1%7Bwebhook_token%7D/post/"
            + "requestBody/content/";

    private static final class Loaded {
        static final DiscordOpenApi DOCUMENT = new DiscordOpenApi(find());
    }

    private final Path file;
    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final JsonSchema executeJson;
    private final JsonSchema executeMultipart;

    private DiscordOpenApi(Path file) {
        this.file = file;
        try {
            document = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executeJson = schema(EXECUTE_BODY + "application~1json/schema");
        executeMultipart = schema(EXECUTE_BODY + "multipart~1form-data/schema");
    }

    /** @return the document, read once */
    public static DiscordOpenApi get() {
        return Loaded.DOCUMENT;
    }

    /** @return the document as JSON */
    public JsonNode document() {
        return document;
    }

    /**
     * @param pointer a JSON pointer into the document, such as {@code #/components/schemas/RichEmbed}
     * @return the schema there, its references resolved in the document
     */
    public JsonSchema schema(String pointer) {
        return factory.getSchema(SchemaLocation.of(file.toUri() + pointer), config);
    }

    /**
     * @param payload the JSON of a webhook execution ({@code payload_json} of a multipart one)
     * @param multipart whether it came as {@code multipart/form-data}
     * @return what the document's request body schema finds wrong with it; empty when it is valid
     */
    public List<String> executeWebhookErrors(JsonNode payload, boolean multipart) {
        Set<ValidationMessage> errors = (multipart ? executeMultipart : executeJson).validate(payload);
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Path find() {
        String named = System.getProperty("deckhand.fixtures");
        if (named != null && Files.isRegularFile(Path.of(named, "discord", "openapi.json"))) {
            return Path.of(named, "discord", "openapi.json");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/discord/openapi.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures/discord/openapi.json is not beside the repository, nor above "
                + Path.of("").toAbsolutePath() + "; set -Ddeckhand.fixtures=DIR");
    }
}
