/// Counts keyed by non-negative integers, in an open-addressing hash table with a cheap
/// multiplicative hash: much faster than `Dictionary` for the ledger's account-item keys, and
/// cleared without giving its storage back.
@usableFromInline
struct CountTable: Sendable {
    @usableFromInline var keys: [Int]
    @usableFromInline var counts: [Int32]
    @usableFromInline var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [Int](repeating: -1, count: size)
        counts = [Int32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The count for `key` (0 when absent).
    @inlinable subscript(key: Int) -> Int32 {
        var slot = home(key)
        let mask = keys.count - 1
        while true {
            let k = keys[slot]
            if k == key { return counts[slot] }
            if k < 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds one to the count for `key` and returns the new count. `key` must be non-negative.
    @discardableResult
    mutating func increment(_ key: Int) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = home(key)
        let mask = keys.count - 1
        while true {
            let k = keys[slot]
            if k == key {
                counts[slot] += 1
                return counts[slot]
            }
            if k < 0 {
                keys[slot] = key
                counts[slot] = 1
                count += 1
                return 1
            }
            slot = (slot + 1) & mask
        }
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        guard count > 0 else { return }
        for i in keys.indices { keys[i] = -1 }
        count = 0
    }

    @inlinable func home(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldCounts = counts
        let size = keys.count * 2
        keys = [Int](repeating: -1, count: size)
        counts = [Int32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        count = 0
        let mask = size - 1
        for i in oldKeys.indices where oldKeys[i] >= 0 {
            var slot = home(oldKeys[i])
            while keys[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            counts[slot] = oldCounts[i]
            count += 1
        }
    }
}
