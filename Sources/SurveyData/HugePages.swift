#if canImport(Glibc)
import Glibc
#endif

/// Transparent huge pages for the few very large buffers of a run: CSV columns and the design
/// matrix (at 10^6 rows × 22 columns, 176 MB each).
///
/// With 4 KiB pages the kernel takes one page fault per page when a fresh buffer is first written
/// — ~43,000 faults for a 176 MB design matrix, twice that with the CSV columns — and under this
/// machine's `madvise` setting (`/sys/kernel/mm/transparent_hugepage/enabled`) it uses 2 MiB
/// pages only where a program asks. Asking for a buffer before its first write makes those
/// faults ~500 times fewer (BENCHMARKS.md, "Issue 18"). Only the page size changes: the memory and
/// its contents are the same, so a kernel that refuses (or has THP off) changes nothing.
public enum HugePages {
    /// x86-64's (and arm64's usual) huge page.
    static let pageBytes = 2 << 20
    /// Buffers below this keep ordinary pages (a huge page would be mostly empty).
    public static let thresholdBytes = 8 << 20

    /// Asks for huge pages on the 2 MiB-aligned part of `bytes` bytes at `pointer`; call it before
    /// the buffer is first written.
    public static func advise(_ pointer: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
        guard let pointer, bytes >= thresholdBytes else { return }
        let first = (Int(bitPattern: pointer) + pageBytes - 1) & ~(pageBytes - 1)
        let end = (Int(bitPattern: pointer) + bytes) & ~(pageBytes - 1)
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, end - first, 14) // MADV_HUGEPAGE
        #endif
    }

    /// `advise` for a typed buffer of `count` elements.
    public static func advise<T>(_ pointer: UnsafeMutablePointer<T>?, count: Int) {
        advise(pointer.map { UnsafeMutableRawPointer($0) }, bytes: count * MemoryLayout<T>.stride)
    }
}
