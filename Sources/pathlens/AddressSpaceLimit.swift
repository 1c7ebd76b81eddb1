import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Under an address-space limit (`ulimit -v`), Debian's threaded OpenBLAS hangs: the worker
/// threads it starts when the library is loaded (before `main`) each try to allocate a 128 MiB
/// buffer, the allocation fails, and the worker retries for ever, so the program never gets past
/// `LinearAlgebra.useCallingThreadsOnly`, which joins them (`fit ologit` under
/// `ulimit -v 256000` never exited). PathLens runs BLAS on its calling threads only, so those
/// workers are never needed: when the limit is set and OpenBLAS was not told to use one thread,
/// the process runs itself again at once with `OPENBLAS_NUM_THREADS=1` in its environment, and
/// OpenBLAS then starts no worker at all. Without a limit nothing happens (no second exec).
enum AddressSpaceLimit {
    /// The soft RLIMIT_AS in bytes, nil when unlimited.
    static var bytes: UInt64? {
        var limit = rlimit()
        guard getrlimit(RLIMIT_AS_VALUE, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return UInt64(limit.rlim_cur)
    }

    static func reexecWithSerialBLASIfLimited() {
        guard bytes != nil, ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] != "1" else { return }
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        // exec failed (no /proc): carry on; the limit may still be generous enough.
        unsetenv("OPENBLAS_NUM_THREADS")
    }

    /// OpenBLAS's work buffer per calling thread: Debian's build allocates 128 MiB and a page
    /// (`malloc(134221824)` seen in a debugger); each buffer adds about 134 MB to the address space.
    static let blasBufferBytes: UInt64 = 134_221_824

    /// Under a limit, reserves OpenBLAS's work buffers now, two per core that may call it at
    /// once, while the address space is still free: OpenBLAS keeps a buffer once allocated and
    /// hands it to the next caller, but when it cannot allocate one it retries for ever (a loop in
    /// `blas_memory_alloc`). Whether n buffers can be had is tried first in a forked copy of the
    /// process (same address space, same limit) with a half-second alarm, so a failure is the
    /// copy's hang, not ours; a trial allocation of the same size in this process was not
    /// enough (OpenBLAS maps more than the buffer on its first call). When not even one buffer
    /// fits, the process ends with one line naming the sizes instead of hanging in the first fit.
    static func reserveBLASBuffers() {
        guard let limit = bytes,
              let allocate = dlsym(nil, "blas_memory_alloc"), let release = dlsym(nil, "blas_memory_free") else { return }
        let alloc = unsafeBitCast(allocate, to: (@convention(c) (Int32) -> UnsafeMutableRawPointer?).self)
        let free = unsafeBitCast(release, to: (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)
        var count = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        // Two buffers per CPU: one was seen not to be enough (a fit on one CPU still asked
        // OpenBLAS for a second buffer, and spun when there was no room for it).
        while count > 0 && !succeedsInACopy({ for _ in 0..<(2 * count) where alloc(0) == nil { return false }; return true }) {
            count -= 1
        }
        guard count == 0 else {
            let buffers = (0..<(2 * count)).map { _ in alloc(0) }
            for buffer in buffers { free(buffer) }
            if count < ProcessInfo.processInfo.activeProcessorCount { useCPUs(count) }
            return
        }
        let used = inUse
        let needed = (used + 2 * blasBufferBytes + (80 << 20)) / 1_000_000
        Output.errorLine("Error: the address-space limit (ulimit -v \(limit / 1024) kB) leaves \(limit > used ? (limit - used) / 1_000_000 : 0) MB, "
                         + "too little for the linear-algebra library's two 128 MiB work buffers; raise it to at least \(needed) MB")
        exit(1)
    }

    /// Fewer buffers than cores: the process keeps to `count` CPUs, so that the parallel loops,
    /// which size themselves by `activeProcessorCount` (it follows the CPU affinity), never have
    /// more threads in BLAS at once than there are buffers (one more would make OpenBLAS spin).
    private static func useCPUs(_ count: Int) {
        // Looked up: Swift's Glibc module leaves out the _GNU_SOURCE declarations.
        typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
        guard let get = dlsym(nil, "sched_getaffinity"), let set = dlsym(nil, "sched_setaffinity") else { return }
        var current = cpu_set_t()
        guard unsafeBitCast(get, to: Affinity.self)(0, MemoryLayout<cpu_set_t>.size, &current) == 0 else { return }
        var chosen = cpu_set_t()
        var kept = 0
        withUnsafeBytes(of: current) { from in
            withUnsafeMutableBytes(of: &chosen) { to in
                for bit in 0..<(from.count * 8) where kept < count && from[bit / 8] & (1 << (bit % 8)) != 0 {
                    to[bit / 8] |= 1 << (bit % 8)
                    kept += 1
                }
            }
        }
        _ = unsafeBitCast(set, to: Affinity.self)(0, MemoryLayout<cpu_set_t>.size, &chosen)
    }

    /// Runs `body` in a forked copy of this (still single-threaded) process, killed after half a
    /// second; whether it returned true.
    private static func succeedsInACopy(_ body: () -> Bool) -> Bool {
        let pid = fork()
        if pid == 0 {
            ualarm(500_000, 0)
            _exit(body() ? 0 : 1)
        }
        guard pid > 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
    }

    /// The address space the process uses now (`VmSize`).
    static var inUse: UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").first.flatMap({ UInt64($0) }) else { return 0 }
        return pages * UInt64(sysconf(Int32(_SC_PAGESIZE)))
    }

    #if canImport(Glibc)
    private static let RLIMIT_AS_VALUE = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #endif
}
