/// A typed string identifier: an account id cannot be passed where a line id is expected.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public enum AccountTag {}
public enum OrderTag {}
public enum LineTag {}
public enum ItemTag {}
public enum TaskTag {}

/// Identifies an account (a buyer that makes purchases and reviews).
public typealias AccountID = Identifier<AccountTag>
/// Identifies an order.
public typealias OrderID = Identifier<OrderTag>
/// Identifies an order line (one purchase and one review).
public typealias LineID = Identifier<LineTag>
/// Identifies an item (what is purchased).
public typealias ItemID = Identifier<ItemTag>
/// Identifies a task of a plan.
public typealias TaskID = Identifier<TaskTag>
