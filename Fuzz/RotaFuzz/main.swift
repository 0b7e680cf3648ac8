// RotaFuzz: rota's decoders and validator under libFuzzer (`make fuzz`; see FuzzInput).
// Built only with ROTA_FUZZ=1 and -sanitize=fuzzer,address; the arguments are libFuzzer's.
import CLibFuzzer
import Glibc

/// libFuzzer's entry point: one input, which must never trap.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput(Array(UnsafeBufferPointer(start: data, count: size))).run()
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
