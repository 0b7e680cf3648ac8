/// A map from identifiers of one kind to values, for the hot paths that number a million ids
/// (the validator's task, line, item and account tables, the instance checker's duplicate
/// search): the same answers as `[Identifier<Tag>: Value]`, several times faster.
///
/// Open addressing with linear probing over a power-of-two table of entry numbers, kept at
/// most half full; each entry keeps its key, its value and its key's 64-bit hash (FNV-1a over
/// the UTF-8, then mixed), so that a probe compares strings only when the hashes agree and
/// growing never hashes a key again. The hash is fixed (no per-process seed), so the layout —
/// not just the answers — is deterministic. Entries are numbered densely in insertion order
/// (`number(of:)`), which makes the map an id table too.
package struct IdentifierMap<Tag, Value>: Sendable where Value: Sendable {
    /// Keys by entry number, in insertion order.
    package private(set) var keys: [Identifier<Tag>] = []
    /// Values by entry number.
    package private(set) var values: [Value] = []
    private var hashes: [UInt64] = []
    /// Entry number + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private var mask: Int

    /// An empty map with room for `capacity` keys before it grows.
    package init(capacity: Int = 0) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// How many keys the map holds.
    package var count: Int { keys.count }

    /// The value for `key`, if any.
    package subscript(key: Identifier<Tag>) -> Value? {
        guard let entry = entry(of: key, hash: Self.hash(key.rawValue)) else { return nil }
        return values[entry]
    }

    /// The entry number of `key` (its place in insertion order), if any.
    package func number(of key: Identifier<Tag>) -> Int? {
        entry(of: key, hash: Self.hash(key.rawValue))
    }

    /// Adds `key` with `value` when it is absent and returns `nil`; when present, returns its
    /// value and changes nothing (one probe sequence either way: "first wins").
    @discardableResult
    package mutating func insertIfAbsent(_ key: Identifier<Tag>, _ value: Value) -> Value? {
        let h = Self.hash(key.rawValue)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let entry = stored - 1
            if hashes[entry] == h, keys[entry] == key { return values[entry] }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keys.count + 1)
        keys.append(key)
        values.append(value)
        hashes.append(h)
        if 2 * keys.count > slots.count { grow() }
        return nil
    }

    private func entry(of key: Identifier<Tag>, hash h: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let entry = stored - 1
            if hashes[entry] == h, keys[entry] == key { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table and places every entry again by its kept hash.
    private mutating func grow() {
        let size = slots.count * 2
        var grown = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for (entry, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & newMask
            while grown[slot] != 0 { slot = (slot + 1) & newMask }
            grown[slot] = Int32(entry + 1)
        }
        slots = grown
        mask = newMask
    }

    /// FNV-1a over the UTF-8 bytes, then a multiply–xorshift mix so that the low bits (the
    /// slot) depend on every byte.
    @inline(__always)
    static func hash(_ text: String) -> UInt64 {
        var text = text
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        text.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
