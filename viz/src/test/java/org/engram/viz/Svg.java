package org.engram.viz;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parsing SVG back in tests (a strict XML parse, so malformed output fails). */
public final class Svg {
    private Svg() {}

    public static Document parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Elements named {@code tag} anywhere under {@code root}. */
    public static List<Element> all(Element root, String tag) {
        NodeList nl = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** The element with this id, or null. */
    public static Element byId(Document doc, String id) {
        for (Element e : all(doc.getDocumentElement(), "*")) {
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    /** All text content (titles, tick labels, legend) joined. */
    public static String text(Document doc) {
        StringBuilder sb = new StringBuilder();
        for (Element e : all(doc.getDocumentElement(), "text")) {
            sb.append(e.getTextContent()).append('\n');
        }
        return sb.toString();
    }
}
