/// An axis-aligned rectangle in SVG user units (y grows downwards).
package struct Box: Hashable, Sendable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    package var maxX: Double { x + width }
    package var maxY: Double { y + height }
    package var midX: Double { x + width / 2 }
    package var midY: Double { y + height / 2 }

    /// The box shrunk by `dx` on the left and right and `dy` on the top and bottom (never below
    /// zero size: an inset larger than half the box collapses it onto its centre).
    package func inset(dx: Double, dy: Double) -> Box {
        let w = max(0, width - 2 * dx)
        let h = max(0, height - 2 * dy)
        return Box(x: midX - w / 2, y: midY - h / 2, width: w, height: h)
    }

    /// The `index`-th of `count` equal vertical strips, left to right (`count` ≥ 1).
    package func column(_ index: Int, of count: Int) -> Box {
        let n = Double(max(count, 1))
        let w = width / n
        return Box(x: x + Double(index) * w, y: y, width: w, height: height)
    }

    /// The `index`-th of `count` equal horizontal strips, top to bottom (`count` ≥ 1).
    package func row(_ index: Int, of count: Int) -> Box {
        let n = Double(max(count, 1))
        let h = height / n
        return Box(x: x, y: y + Double(index) * h, width: width, height: h)
    }
}

/// A straight line from one point to another, in SVG user units.
package struct Segment: Hashable, Sendable {
    package var x1: Double
    package var y1: Double
    package var x2: Double
    package var y2: Double

    package init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
    }
}
