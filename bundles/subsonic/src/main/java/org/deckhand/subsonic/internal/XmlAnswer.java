package org.deckhand.subsonic.internal;

import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an answer as XML in the namespace {@value #NAMESPACE} of {@code subsonic-rest-api-1.16.1.xsd}, leaving out
 * what {@link Element} marks as JSON only.
 */
final class XmlAnswer {

    /** The namespace of the Subsonic schema. */
    static final String NAMESPACE = "http://subsonic.org/restapi";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlAnswer() {
    }

    /**
     * @param root the {@code subsonic-response} element
     * @param out where to write, UTF-8
     * @throws XMLStreamException if writing fails
     */
    static void write(Element root, OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NAMESPACE);
        write(root, xml, true);
        xml.writeEndDocument();
        xml.flush();
    }

    private static void write(Element element, XMLStreamWriter xml, boolean root) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, element.name());
        if (root) {
            xml.writeDefaultNamespace(NAMESPACE);
        }
        for (Map.Entry<String, Object> attribute : element.attributes().entrySet()) {
            xml.writeAttribute(attribute.getKey(), String.valueOf(attribute.getValue()));
        }
        for (Element.Children children : element.children().values()) {
            if (!children.jsonOnly()) {
                for (Element child : children.elements()) {
                    write(child, xml, false);
                }
            }
        }
        if (element.text() != null) {
            xml.writeCharacters(element.text());
        }
        xml.writeEndElement();
    }
}
