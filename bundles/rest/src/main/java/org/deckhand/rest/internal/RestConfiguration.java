package org.deckhand.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the REST API, configuration PID {@code org.deckhand.rest}. */
@ObjectClassDefinition(id = RestConfiguration.PID, name = "REST API",
        description = "Limits of the requests the REST API accepts.")
public @interface RestConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.rest";

    /**
     * @return the largest request body the API reads into a JSON document, in kibibytes
     */
    @AttributeDefinition(name = "Largest JSON request body (KiB)", description = "A request whose JSON body is "
            + "larger is refused with 413 before it is read. Plugin uploads have their own limit (org.deckhand.plugins).",
            min = "16", max = "65536")
    int maxBodyKibibytes() default 1024;
}
