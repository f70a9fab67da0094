/**
 * The V8 flags a node process runs with (`fedctl up`, the benchmarks, the
 * command line in docs/admin-guide.md). A young generation of 8 MB
 * semi-spaces instead of V8's 16 keeps an idle node under 150 MB resident
 * (146-155 MB with the default) for a few percent of message throughput
 * (docs/benchmarks.md).
 */
export const NODE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
