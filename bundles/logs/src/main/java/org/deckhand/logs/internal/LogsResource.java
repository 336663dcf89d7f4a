package org.deckhand.logs.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.deckhand.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /api/v1/logs}: the server's recent log events, filtered by level and bundle, for the web console; and the
 * bundles they came from.
 */
@Component(service = RestResource.class)
@Path("logs")
@Produces(MediaType.APPLICATION_JSON)
public final class LogsResource implements RestResource {

    private static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    private final RecentEvents recent = new RecentEvents();
    private final BundleContext context;

    /** @param context this bundle's context, to name the bundle each logger belongs to */
    @Activate
    public LogsResource(BundleContext context) {
        this.context = context;
    }

    /**
     * @param level the least severe level to list: ERROR, WARN, INFO, DEBUG or TRACE
     * @param bundle only the events of this bundle, by symbolic name; all when absent
     * @param limit the most events to return, the latest ones, 1 to 2000
     * @return the events, oldest first
     * @throws BadRequestException if the level or the limit is not one of those
     */
    @GET
    public List<LogLine> lines(@QueryParam("level") @DefaultValue("DEBUG") String level,
            @QueryParam("bundle") String bundle, @QueryParam("limit") @DefaultValue("200") int limit) {
        String wanted = level.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(wanted) || limit < 1 || limit > 2000) {
            throw new BadRequestException("level must be one of ERROR, WARN, INFO, DEBUG, TRACE and limit lie in "
                    + "1..2000");
        }
        Level least = Level.toLevel(wanted);
        BundleNames names = new BundleNames(context);
        List<LogLine> lines = recent.events().stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(least))
                .map(event -> LogLine.of(event, names.bundleOf(event.getLoggerName())))
                .filter(line -> bundle == null || bundle.isBlank() || bundle.equals(line.bundle()))
                .toList();
        return lines.subList(Math.max(0, lines.size() - limit), lines.size());
    }

    /** @return the symbolic names of the bundles that the recent events came from, sorted */
    @GET
    @Path("bundles")
    public Set<String> bundles() {
        BundleNames names = new BundleNames(context);
        Set<String> bundles = new TreeSet<>();
        recent.events().stream().map(event -> names.bundleOf(event.getLoggerName())).filter(Objects::nonNull)
                .forEach(bundles::add);
        return bundles;
    }

    /**
     * One log event.
     *
     * @param time when it was logged
     * @param level ERROR, WARN, INFO, DEBUG or TRACE
     * @param logger the logger's name, usually a class name
     * @param bundle the symbolic name of the bundle the logger belongs to, or null when none matches
     * @param message the message, its arguments filled in
     * @param thrown the stack trace of the exception logged with it, or null
     */
    public record LogLine(Instant time, String level, String logger, String bundle, String message, String thrown) {

        static LogLine of(ILoggingEvent event, String bundle) {
            return new LogLine(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(),
                    event.getLoggerName(), bundle, event.getFormattedMessage(),
                    event.getThrowableProxy() == null ? null : ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
    }
}
