import RotaCore

extension GreedyLineOrder {
    /// Lines to buy grouped by item and lag, the same for every order.
    struct Grouping: Sendable {
        /// Per line: its group, -1 for lines not to buy.
        let groupOfLine: [Int32]
        let sizes: [Int]

        init(_ problem: PlanningProblem) {
            var groupOfLine = [Int32](repeating: -1, count: problem.lineCount)
            var sizes: [Int] = []
            var itemGroups = [[(lag: Int, group: Int)]](repeating: [], count: problem.itemCount)
            for l in GreedyLineOrder.candidates(problem).lines {
                let item = problem.lineItem[l]
                let lag = problem.lag[l]
                if let known = itemGroups[item].first(where: { $0.lag == lag }) {
                    groupOfLine[l] = Int32(known.group)
                    sizes[known.group] += 1
                } else {
                    itemGroups[item].append((lag, sizes.count))
                    groupOfLine[l] = Int32(sizes.count)
                    sizes.append(1)
                }
            }
            self.groupOfLine = groupOfLine
            self.sizes = sizes
        }
    }
}
