#if canImport(Glibc)
import CMalloc
#endif

/// glibc's allocator, set for a program that allocates a few very large arrays per run (columns,
/// design matrices, per-row scratch) rather than many small objects.
///
/// With the defaults, each array above 128 KiB is a fresh `mmap` that the kernel faults in page by
/// page and that is unmapped again on release, so the next one (the design matrix after the CSV
/// buffers, say) is faulted in anew: loading 10^5 rows and fitting one model took ~15,000 page
/// faults. Served from the heap and kept after release, the freed memory is reused: ~10,700
/// faults, and the whole `pathlens fit` run 10–15 % shorter (BENCHMARKS.md, "Whole process").
enum MallocTunables {
    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)  // blocks below 32 MiB (glibc's maximum) from the heap
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20) // keep up to 256 MiB of released memory for reuse
        // Under `ulimit -v` every thread's first allocation tries to reserve a 64 MiB arena of
        // its own; when that fails glibc falls back to the main arena, but tries again on the
        // next call, so a worker thread spent seconds in mmap/munmap per fit (the explorer
        // under `ulimit -v 420000` never finished a screen). One arena for all threads.
        if AddressSpaceLimit.bytes != nil { _ = mallopt(M_ARENA_MAX, 1) }
        #endif
    }
}
