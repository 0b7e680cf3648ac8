// The planning facade re-exports the layers below it, so `import Rota` gives the whole
// public API (docs/ARCHITECTURE.md).
@_exported import RotaCore
@_exported import RotaEvaluation
@_exported import RotaFormat
@_exported import RotaSolvers
