package org.mandate.audit.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SvgBarChartTest {

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void rendersWellFormedSvgWithTitleDescAndOneBarPerValue() throws Exception {
        SvgBarChart chart = new SvgBarChart("c1", "Weights <&> \"changes\"", "Text alternative with <markup> & 'quotes'",
                List.of(new SvgBarChart.Series("Weight", "#1f4e79"), new SvgBarChart.Series("Change", "#8a4b08")),
                List.of(new SvgBarChart.Group("Relevance", List.of(0.5, -0.06), List.of("50 %", "-6 %")),
                        new SvgBarChart.Group("Novelty <x>", List.of(0.3, 2.5), List.of("30 %", "+250 %")),
                        new SvgBarChart.Group("Fairness", Arrays.asList(0.2, null), List.of("20 %", "not measured"))));
        Document doc = parseXml(chart.render());
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("c1-title c1-desc", svg.getAttribute("aria-labelledby"));
        Element title = (Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0);
        assertEquals("Weights <&> \"changes\"", title.getTextContent());
        assertEquals("Text alternative with <markup> & 'quotes'",
                svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent());
        // 5 bars (one value is missing) + background + 2 legend swatches
        assertEquals(5 + 1 + 2, svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength());
        String text = svg.getTextContent();
        assertTrue(text.contains("+250 % (clipped)"), text);
        assertTrue(text.contains("Novelty <x>"));
        assertTrue(text.contains("not measured"));
        assertTrue(text.contains("-100 %"), "negative values open the negative half of the axis");
    }

    @Test
    void positiveOnlyChartStartsAtZero() throws Exception {
        SvgBarChart chart = new SvgBarChart("c2", "t", "d", List.of(new SvgBarChart.Series("Weight", "#1f4e79")),
                List.of(new SvgBarChart.Group("A", List.of(1.0), List.of("100 %"))));
        String text = parseXml(chart.render()).getDocumentElement().getTextContent();
        assertFalse(text.contains("-100 %"));
        assertTrue(text.contains("100 %"));
    }

    @Test
    void refusesMismatchedShapesAndBadIds() {
        var series = List.of(new SvgBarChart.Series("W", "#000000"));
        assertThrows(IllegalArgumentException.class, () -> new SvgBarChart("c", "t", "d", series,
                List.of(new SvgBarChart.Group("A", List.of(1.0, 2.0), List.of("a", "b")))));
        assertThrows(IllegalArgumentException.class, () -> new SvgBarChart("1 bad\"", "t", "d", series, List.of()));
    }
}
