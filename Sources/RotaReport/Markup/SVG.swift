import Plot

/// A node of the report's body (HTML or inline SVG).
package typealias BodyNode = Node<HTML.BodyContext>

/// Inline SVG elements as Plot nodes, placed by `ReportGeometry` values. Every string goes
/// through `Escape`; tooltips are SVG `<title>` children (no script needed).
package enum SVG {
    /// An attribute whose value is escaped here.
    package static func attr(_ name: String, _ value: String) -> BodyNode {
        .attribute(named: name, value: Escape.attribute(value))
    }

    /// An `<svg>` of the given size; `label` is its accessible name.
    package static func svg(width: Double, height: Double, label: String, _ children: [BodyNode]) -> BodyNode {
        .element(
            named: "svg",
            nodes: [
                attr("xmlns", "http://www.w3.org/2000/svg"),
                attr("width", Coordinate.text(width)), attr("height", Coordinate.text(height)),
                attr("viewBox", "0 0 \(Coordinate.text(width)) \(Coordinate.text(height))"),
                attr("role", "img"), attr("aria-label", label),
            ] + children)
    }

    /// A tooltip: the `<title>` child of its parent.
    package static func title(_ text: String) -> BodyNode {
        .element(named: "title", nodes: [.raw(Escape.text(text))])
    }

    /// A `<rect>`; `attributes` are extra (name, value) pairs, `title` its tooltip.
    package static func rect(
        _ box: Box, class className: String? = nil, fill: String? = nil, opacity: Double? = nil,
        attributes: [(String, String)] = [], title: String? = nil
    ) -> BodyNode {
        var nodes: [BodyNode] = [
            attr("x", Coordinate.text(box.x)), attr("y", Coordinate.text(box.y)),
            attr("width", Coordinate.text(box.width)), attr("height", Coordinate.text(box.height)),
        ]
        if let className { nodes.append(attr("class", className)) }
        if let fill { nodes.append(attr("fill", fill)) }
        if let opacity { nodes.append(attr("fill-opacity", Coordinate.text(opacity))) }
        for (name, value) in attributes { nodes.append(attr(name, value)) }
        if let title { nodes.append(self.title(title)) }
        return .element(named: "rect", nodes: nodes)
    }

    /// A `<circle>` centred at (x, y); `title` is its tooltip.
    package static func circle(
        x: Double, y: Double, radius: Double, class className: String? = nil, fill: String? = nil,
        attributes: [(String, String)] = [], title: String? = nil
    ) -> BodyNode {
        var nodes: [BodyNode] = [
            attr("cx", Coordinate.text(x)), attr("cy", Coordinate.text(y)), attr("r", Coordinate.text(radius)),
        ]
        if let className { nodes.append(attr("class", className)) }
        if let fill { nodes.append(attr("fill", fill)) }
        for (name, value) in attributes { nodes.append(attr(name, value)) }
        if let title { nodes.append(self.title(title)) }
        return .element(named: "circle", nodes: nodes)
    }

    /// A `<line>`.
    package static func line(_ segment: Segment, class className: String) -> BodyNode {
        .element(
            named: "line",
            nodes: [
                attr("x1", Coordinate.text(segment.x1)), attr("y1", Coordinate.text(segment.y1)),
                attr("x2", Coordinate.text(segment.x2)), attr("y2", Coordinate.text(segment.y2)),
                attr("class", className),
            ])
    }

    /// A `<text>` at (x, y); `anchor` is start, middle or end.
    package static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", class className: String? = nil,
        title: String? = nil
    ) -> BodyNode {
        var nodes: [BodyNode] = [
            attr("x", Coordinate.text(x)), attr("y", Coordinate.text(y)), attr("text-anchor", anchor),
        ]
        if let className { nodes.append(attr("class", className)) }
        if let title { nodes.append(self.title(title)) }
        nodes.append(.raw(Escape.text(content)))
        return .element(named: "text", nodes: nodes)
    }

    /// A `<g>` group; its `title` is the tooltip of every child.
    package static func group(
        class className: String? = nil, attributes: [(String, String)] = [], title: String? = nil, _ children: [BodyNode]
    ) -> BodyNode {
        var nodes: [BodyNode] = []
        if let className { nodes.append(attr("class", className)) }
        for (name, value) in attributes { nodes.append(attr(name, value)) }
        if let title { nodes.append(self.title(title)) }
        return .element(named: "g", nodes: nodes + children)
    }
}
