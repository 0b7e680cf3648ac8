/// How a MIP solver's solution of rota's model is written.
package enum SolutionFormat: String, Sendable, CaseIterable {
    /// The `rota x|y|w|z …` lines `models/rota.mod` prints after `glpsol` solves it (other lines
    /// are ignored).
    case mathprog
    /// `name value` text, one column of the LP/MPS export per line (`x[c,a,d]`, `y[c,a,r]`,
    /// `z[c,g,r]`, also with parentheses as GLPK's LP writer spells them); other lines ignored.
    case columns
}
