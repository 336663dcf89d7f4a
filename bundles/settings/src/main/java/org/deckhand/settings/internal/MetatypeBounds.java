package org.deckhand.settings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code min} and {@code max} of each attribute definition, read from a bundle's Metatype resources
 * ({@code OSGI-INF/metatype/*.xml}, OSGi Compendium 105.8), which the {@code AttributeDefinition} interface does not
 * expose: keyed by object class definition id, then attribute id.
 */
final class MetatypeBounds {

    private static final Logger LOG = LoggerFactory.getLogger(MetatypeBounds.class);
    private static final String FOLDER = "OSGI-INF/metatype";

    private MetatypeBounds() {
    }

    /**
     * @param bundle a bundle
     * @return its bounds, {@code ocd id -> attribute id -> bounds}; empty when it has none or its files are unreadable
     */
    static Map<String, Map<String, Bounds>> of(Bundle bundle) {
        Map<String, Map<String, Bounds>> bounds = new HashMap<>();
        Enumeration<URL> files = bundle.findEntries(FOLDER, "*.xml", false);
        while (files != null && files.hasMoreElements()) {
            URL file = files.nextElement();
            try (InputStream in = file.openStream()) {
                read(in, bounds);
            } catch (IOException | SAXException | ParserConfigurationException e) {
                LOG.warn("Cannot read the Metatype file {} of {}: {}; its settings are checked without their bounds",
                        file, bundle.getSymbolicName(), e.getMessage());
            }
        }
        return bounds;
    }

    /**
     * Adds the bounds one Metatype file declares.
     *
     * @param xml the file
     * @param bounds receives them
     * @throws IOException if it cannot be read
     * @throws SAXException if it is not well-formed XML
     * @throws ParserConfigurationException if no safe XML parser is available
     */
    static void read(InputStream xml, Map<String, Map<String, Bounds>> bounds)
            throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document = builder.parse(xml);
        NodeList definitions = document.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < definitions.getLength(); i++) {
            Element definition = (Element) definitions.item(i);
            NodeList attributes = definition.getElementsByTagNameNS("*", "AD");
            for (int j = 0; j < attributes.getLength(); j++) {
                Element attribute = (Element) attributes.item(j);
                String min = attribute.getAttribute("min");
                String max = attribute.getAttribute("max");
                if (!min.isEmpty() || !max.isEmpty()) {
                    bounds.computeIfAbsent(definition.getAttribute("id"), id -> new HashMap<>())
                            .put(attribute.getAttribute("id"), new Bounds(number(min), number(max)));
                }
            }
        }
    }

    private static Double number(String text) {
        try {
            return text.isBlank() ? null : Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The range of a numeric setting.
     *
     * @param min the smallest value it takes, or null when there is no lower bound
     * @param max the largest value it takes, or null when there is no upper bound
     */
    record Bounds(Double min, Double max) {

        static final Bounds NONE = new Bounds(null, null);
    }
}
