/// A binary min-heap of integers (packed keys such as `load * accountCount + account`).
struct MinHeap: Sendable {
    private var keys: [Int] = []

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    /// Replaces the contents with `items`, in O(n).
    mutating func rebuild(from items: [Int]) {
        keys.removeAll(keepingCapacity: true)
        keys.append(contentsOf: items)
        var i = keys.count / 2 - 1
        while i >= 0 {
            siftDown(i)
            i -= 1
        }
    }

    mutating func push(_ key: Int) {
        keys.append(key)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard keys[i] < keys[parent] else { break }
            keys.swapAt(i, parent)
            i = parent
        }
    }

    /// The smallest key, left in place.
    var min: Int? { keys.first }

    /// Replaces the smallest key with `key` (one sift instead of a pop and a push).
    mutating func replaceMin(with key: Int) {
        guard !keys.isEmpty else { return push(key) }
        keys[0] = key
        siftDown(0)
    }

    mutating func popMin() -> Int? {
        guard let top = keys.first else { return nil }
        let last = keys.removeLast()
        if !keys.isEmpty {
            keys[0] = last
            siftDown(0)
        }
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = keys.count
        while true {
            let left = 2 * i + 1
            guard left < n else { return }
            var smallest = left
            if left + 1 < n, keys[left + 1] < keys[left] { smallest = left + 1 }
            guard keys[smallest] < keys[i] else { return }
            keys.swapAt(i, smallest)
            i = smallest
        }
    }
}
