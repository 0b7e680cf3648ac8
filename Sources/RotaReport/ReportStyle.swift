/// The report's stylesheet: inline (no fonts or files from the network), one rule per SLA
/// tier colour, and print rules (no scroll boxes, no page break inside a chart).
/// It uses no `<` or `&`, so the document stays well-formed XHTML.
enum ReportStyle {
    static func css(tierColors: [String]) -> String {
        var css = """
            body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:0 24px 40px;background:#fff}
            h1{font-size:20px;margin:18px 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            h3{font-size:13px;margin:14px 0 6px}
            nav a{margin-right:12px;color:#0969da;text-decoration:none}
            .meta,.note{color:#57606a;margin:4px 0}
            .cards{display:flex;flex-wrap:wrap;gap:8px}
            .card{border:1px solid #d0d7de;border-left:4px solid #8c959f;border-radius:6px;padding:6px 10px;min-width:120px}
            .card .k{font-size:11px;color:#57606a;text-transform:uppercase;letter-spacing:.03em}
            .card .v{font-size:20px;font-weight:600}.card .d{font-size:11px;color:#57606a;max-width:220px}
            .card.good{border-left-color:#1a7f37}.card.warn{border-left-color:#bf8700}.card.bad{border-left-color:#cf222e}
            .card.bad .v{color:#cf222e}
            .scroll{overflow:auto;max-height:78vh;border:1px solid #eaeef2;margin:4px 0 8px}
            .pair{display:flex;flex-wrap:wrap;gap:24px}
            .legend{margin:4px 0}.legend .key{margin-right:12px;white-space:nowrap}.legend svg{vertical-align:-1px}
            .tablewrap{overflow-x:auto}
            table.tbl{border-collapse:collapse;margin:4px 0 8px}
            .tbl th,.tbl td{border-bottom:1px solid #eaeef2;padding:2px 8px;text-align:left;vertical-align:top}
            .tbl th{background:#f6f8fa}.tbl .num{text-align:right;font-variant-numeric:tabular-nums}
            tr.better td{background:#dafbe1}tr.worse td{background:#ffebe9}
            .verdict{font-size:15px;font-weight:600}.identical{color:#1a7f37;font-weight:600}
            svg text{font-size:10px;fill:#1b1f24}
            .dl{font-size:10px;fill:#57606a}.rl{font-size:10px}.cn{font-size:8px;fill:#1b1f24;pointer-events:none}
            .band{fill:#ffffff}.band.odd{fill:#f6f8fa}
            .off{fill:#c9ced6}
            .heat{stroke:none}.nolimit{fill:#eaeef2}
            .axis{stroke:#d0d7de;stroke-width:1}
            rect.p{stroke-width:.6}rect.r{fill-opacity:.45;stroke-width:1}
            rect.done{fill-opacity:.25;stroke:#1b1f24;stroke-dasharray:1.5 1}
            rect.mv{stroke:#8250df;stroke-width:2.2}rect.mvfrom{stroke:#8250df;stroke-width:1.6;stroke-dasharray:2 1.5;fill-opacity:.3}
            rect.pin{stroke:#1b1f24;stroke-width:2;stroke-dasharray:3 1.5}rect.agg.pin{stroke:#1b1f24;stroke-width:1.5}
            rect.crowd{fill:#afb8c1}rect.agg{stroke:none}rect.agg.mv,rect.agg.mvfrom{stroke:#8250df;stroke-width:1.5}
            .lk{stroke:#57606a;stroke-width:.8;stroke-opacity:.25}
            g.ln:hover .lk{stroke-opacity:1;stroke-width:1.6}g.ln:hover rect{stroke:#1b1f24;stroke-width:1.4}
            .t-key{fill:#57606a;stroke:#57606a}
            footer{margin-top:32px;color:#57606a;font-size:11px}
            @media print{body{margin:0 8mm}nav{display:none}.scroll{overflow:visible;max-height:none;border:none}
            section{break-inside:avoid-page}svg{break-inside:avoid}.card{break-inside:avoid}}

            """
        for (t, colour) in tierColors.enumerated() {
            css += ".t\(t){fill:\(colour);stroke:\(colour)}\n"
        }
        return css
    }
}
