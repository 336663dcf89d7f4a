package org.deckhand.subsonic.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a Subsonic answer: attributes, child elements and text, from which {@link XmlAnswer} and
 * {@link JsonAnswer} write the same answer in the two forms the API speaks. Attributes and children marked as
 * OpenSubsonic extensions appear in JSON only: the XML form keeps to {@code subsonic-rest-api-1.16.1.xsd}, which
 * allows no other attributes or elements. Children are kept in the order added, which is the order the XSD's
 * sequences ask for. Not thread-safe: built and written by one request.
 */
final class Element {

    private final String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, Object> jsonOnlyAttributes = new LinkedHashMap<>();
    private final Map<String, Children> children = new LinkedHashMap<>();
    private String text;

    /** Child elements of one name: one object, or a JSON array however many there are. */
    record Children(boolean repeated, boolean jsonOnly, List<Element> elements) {
    }

    /** @param name the element's name, such as {@code song} */
    Element(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * Sets an attribute of the 1.16.1 schema; a null value leaves it out.
     *
     * @param key the attribute's name
     * @param value a {@link String}, {@link Number} or {@link Boolean}, or null
     * @return this element
     */
    Element attr(String key, Object value) {
        if (value != null) {
            attributes.put(key, value);
        }
        return this;
    }

    /**
     * Sets an OpenSubsonic attribute, written in JSON only; a null value leaves it out.
     *
     * @param key the attribute's name
     * @param value a {@link String}, {@link Number} or {@link Boolean}, a {@link java.util.List} of them (a JSON
     *     array), or null
     * @return this element
     */
    Element extension(String key, Object value) {
        if (value != null) {
            jsonOnlyAttributes.put(key, value);
        }
        return this;
    }

    /**
     * Adds one child that occurs at most once, a JSON object.
     *
     * @param childName its name
     * @return the child, to fill in
     */
    Element child(String childName) {
        Element child = new Element(childName);
        children.put(childName, new Children(false, false, List.of(child)));
        return child;
    }

    /**
     * Adds a child to a list of children of that name, a JSON array; the list is made on first use.
     *
     * @param childName their name
     * @return the new child, to fill in
     */
    Element add(String childName) {
        Element child = new Element(childName);
        list(childName, false).add(child);
        return child;
    }

    /**
     * Adds a child to an OpenSubsonic list of children, written in JSON only.
     *
     * @param childName their name
     * @return the new child, to fill in
     */
    Element addExtension(String childName) {
        Element child = new Element(childName);
        list(childName, true).add(child);
        return child;
    }

    /**
     * Adds one OpenSubsonic child that occurs at most once, written in JSON only.
     *
     * @param childName its name
     * @return the child, to fill in
     */
    Element childExtension(String childName) {
        Element child = new Element(childName);
        children.put(childName, new Children(false, true, List.of(child)));
        return child;
    }

    /**
     * Declares a list of children, so that JSON writes an empty array when none is added.
     *
     * @param childName their name
     * @return this element
     */
    Element emptyList(String childName) {
        list(childName, false);
        return this;
    }

    /**
     * Declares an OpenSubsonic list of children, written in JSON only, as an empty array when none is added.
     *
     * @param childName their name
     * @return this element
     */
    Element emptyListExtension(String childName) {
        list(childName, true);
        return this;
    }

    /**
     * @param content the element's text: XML text content, the JSON property {@code value}
     * @return this element
     */
    Element text(String content) {
        this.text = content;
        return this;
    }

    String text() {
        return text;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    Map<String, Object> jsonOnlyAttributes() {
        return jsonOnlyAttributes;
    }

    Map<String, Children> children() {
        return children;
    }

    private List<Element> list(String childName, boolean jsonOnly) {
        return children.computeIfAbsent(childName, n -> new Children(true, jsonOnly, new ArrayList<>())).elements();
    }
}
