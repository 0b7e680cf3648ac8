import Plot

/// Small HTML building blocks over Plot: escaped text, tables, notes.
package enum Markup {
    /// Text escaped by `Escape` (any context).
    package static func text<Context>(_ s: String) -> Node<Context> { .raw(Escape.text(s)) }

    /// A page's head: UTF-8, the viewport, the escaped `title`, the inline stylesheet. Not Plot's
    /// `.title(_:)`: it also writes social-media meta tags whose values it does not escape.
    package static func head(title: String, css: String) -> Node<HTML.DocumentContext> {
        .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .element(named: "title", nodes: [.raw(Escape.text(title))]),
            .style(css))
    }

    /// A paragraph with a class ("note", "verdict").
    package static func paragraph(_ s: String, class className: String = "note") -> BodyNode {
        .p(.class(className), text(s))
    }

    /// A table: one column per header; `numeric` columns are right-aligned. When `total`
    /// exceeds the rows given, a last line says how many more there are.
    package static func table(
        _ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], total: Int? = nil, class className: String = "tbl",
        rowClasses: [String?] = []
    ) -> BodyNode {
        let more = (total ?? rows.count) - rows.count
        return .div(
            .class("tablewrap"),
            .table(
                .class(className),
                .thead(.tr(.forEach(headers.enumerated()) { i, h in .th(numeric.contains(i) ? .class("num") : .empty, text(h)) })),
                .tbody(
                    .forEach(rows.enumerated()) { r, row in
                        .tr(
                            .unwrap(r < rowClasses.count ? rowClasses[r] : nil) { .class($0) },
                            .forEach(row.enumerated()) { i, cell in .td(numeric.contains(i) ? .class("num") : .empty, text(cell)) })
                    })
            ),
            .if(more > 0, paragraph("… and \(more) more (the first \(rows.count) are listed)"))
        )
    }

    /// A legend: coloured swatches (CSS classes or fills) with their names.
    package static func legend(_ items: [(swatch: String, isClass: Bool, name: String)]) -> BodyNode {
        .div(
            .class("legend"),
            .forEach(items) { item in
                .span(
                    .class("key"),
                    SVG.svg(width: 12, height: 12, label: item.name, [
                        SVG.rect(Box(x: 1, y: 1, width: 10, height: 10), class: item.isClass ? item.swatch : nil,
                                 fill: item.isClass ? nil : item.swatch)
                    ]),
                    text(" " + item.name))
            })
    }
}
