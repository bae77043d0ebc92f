package io.nasql.shell.report;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG drawing, written as text: every text escaped, coordinates in a viewBox so the
 * drawing scales down in a narrow window (the page's CSS caps it at the window's width).
 */
final class Svg {
    private final StringBuilder body = new StringBuilder(4096);
    private final int width;
    private final int height;
    private final String label;
    private final String cssClass;

    Svg(int width, int height, String cssClass, String label) {
        this.width = width;
        this.height = height;
        this.cssClass = cssClass;
        this.label = label;
    }

    Svg text(double x, double y, String anchor, String cls, String text) {
        return text(x, y, anchor, cls, text, null);
    }

    /** A text with a tooltip (an SVG {@code <title>}), e.g. the full text of a shortened one. */
    Svg text(double x, double y, String anchor, String cls, String text, String title) {
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (!"start".equals(anchor)) {
            body.append(" text-anchor=\"").append(anchor).append('"');
        }
        attr("class", cls);
        body.append('>');
        if (title != null) {
            body.append("<title>").append(Html.escape(title)).append("</title>");
        }
        body.append(Html.escape(text)).append("</text>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"');
        attr("class", cls);
        body.append("/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cls, String fill, String title) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(Math.max(0, w)))
                .append("\" height=\"").append(num(Math.max(0, h))).append('"');
        attr("class", cls);
        attr("fill", fill);
        return close("rect", title);
    }

    Svg circle(double cx, double cy, double r, String cls, String title) {
        body.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r)).append('"');
        attr("class", cls);
        return close("circle", title);
    }

    /** A diamond centred on (cx, cy), to mark a point apart from the circles. */
    Svg diamond(double cx, double cy, double r, String cls, String title) {
        body.append("<path d=\"M").append(num(cx)).append(',').append(num(cy - r)).append(" L").append(num(cx + r)).append(',').append(num(cy))
                .append(" L").append(num(cx)).append(',').append(num(cy + r)).append(" L").append(num(cx - r)).append(',').append(num(cy))
                .append(" Z\"");
        attr("class", cls);
        return close("path", title);
    }

    Svg path(String d, String cls, String title) {
        body.append("<path d=\"").append(Html.escape(d)).append('"');
        attr("class", cls);
        return close("path", title);
    }

    Svg polyline(List<double[]> points, String cls) {
        if (points.isEmpty()) {
            return this;
        }
        body.append("<polyline points=\"");
        for (int i = 0; i < points.size(); i++) {
            body.append(i > 0 ? " " : "").append(num(points.get(i)[0])).append(',').append(num(points.get(i)[1]));
        }
        body.append('"');
        attr("class", cls);
        body.append("/>\n");
        return this;
    }

    private Svg close(String element, String title) {
        if (title == null) {
            body.append("/>\n");
        } else {
            body.append("><title>").append(Html.escape(title)).append("</title></").append(element).append(">\n");
        }
        return this;
    }

    private void attr(String name, String value) {
        if (value != null) {
            body.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"');
        }
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + Html.escape(cssClass) + "\" viewBox=\"0 0 " + width + " " + height
                + "\" width=\"" + width + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + Html.escape(label) + "\">\n"
                + "<title>" + Html.escape(label) + "</title>\n" + body + "</svg>\n";
    }
}
