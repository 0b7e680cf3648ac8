// libFuzzer's driver, linked in by -sanitize=fuzzer. RotaFuzz calls it from its own main:
// SwiftPM renames an executable's entry point, so libFuzzer's main would never run.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
