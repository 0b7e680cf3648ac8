import Rota

/// One point of a sweep grid: priority weights by index name, in the order the grid names them.
package struct WeightVector: Hashable, Sendable {
    /// Index names (`sla`, `value`, …) in grid order.
    package var names: [String]
    /// The weight of each name, same order.
    package var values: [Double]

    init(names: [String], values: [Double]) {
        self.names = names
        self.values = values
    }

    init(_ pairs: [(String, Double)]) {
        self.init(names: pairs.map(\.0), values: pairs.map(\.1))
    }

    /// The weights as a policy's `weights` map.
    var weights: [String: Double] {
        Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
    }

    /// The JSON object written in sweep lines (`{"sla":0.35,"value":0.2}`).
    package var json: JSONValue {
        .object(zip(names, values).map { (key: $0, value: Self.number($1)) })
    }

    /// `sla 0.35, value 0.2` for tables.
    package var text: String {
        zip(names, values).map { "\($0) \(NumberText.plain($1))" }.joined(separator: ", ")
    }

    /// Whole numbers as JSON integers, so `1` and `1.0` in a grid give the same line.
    static func number(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 1e15 { return .integer(Int(value)) }
        return .number(value)
    }

    /// The vector read back from a sweep line's `weights` object; nil when it is not one.
    package init?(json: JSONValue) {
        guard case .object(let members) = json else { return nil }
        var pairs: [(String, Double)] = []
        for member in members {
            guard let value = member.value.doubleValue else { return nil }
            pairs.append((member.key, value))
        }
        self.init(pairs)
    }
}
