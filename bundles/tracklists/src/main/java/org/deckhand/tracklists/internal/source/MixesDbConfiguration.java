package org.deckhand.tracklists.internal.source;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The MixesDB source's settings, configuration PID {@code org.deckhand.tracklists.mixesdb}. */
@ObjectClassDefinition(name = "Tracklists: MixesDB",
        description = "Where MixesDB and its MediaWiki API are. Mix pages are read as wikitext through the API.")
public @interface MixesDbConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.tracklists.mixesdb";

    @AttributeDefinition(name = "Site", description = "The site's address; mix pages are SITE/w/TITLE.")
    String baseUrl() default "https://www.mixesdb.com";

    @AttributeDefinition(name = "API path", description = "The path of the MediaWiki API on the site.")
    String apiPath() default "/db/api.php";
}
