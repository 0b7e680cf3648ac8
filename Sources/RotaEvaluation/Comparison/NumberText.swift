/// Numbers as comparison reports print them, without Foundation: whole values plain, others
/// with a fixed number of decimals, differences signed, shares as percentages.
package enum NumberText {
    /// A whole value without a fraction, others with 3 decimals ("14", "9.720").
    package static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return fixed(value, decimals: 3)
    }

    /// `plain` with a sign on non-zero values ("+2", "-6.720", "0").
    package static func signed(_ value: Double) -> String {
        let text = plain(value)
        return value > 0 && text != "0" ? "+" + text : text
    }

    /// A share as a percentage with one decimal ("22.2%").
    package static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 1) + "%" }

    /// A difference of shares in percentage points ("+11.1 pp", "0 pp").
    static func points(_ difference: Double) -> String {
        let text = fixed(difference * 100, decimals: 1)
        if text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "-" }) { return "0 pp" }
        return (difference > 0 ? "+" : "") + text + " pp"
    }

    /// `value` rounded to `decimals` (0…9) decimals; non-finite values by name, huge ones in
    /// Swift's shortest form.
    package static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let decimals = min(max(decimals, 0), 9)
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(units) }
        var fraction = String(units % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        return sign + String(units / scale) + "." + fraction
    }
}
