import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way PathLens writes a file the user asked for (datasets, codebooks, `.dta`, exports,
/// specification files, bench data): so that a crash, a full disk or a file-size limit never
/// leaves a half-written file behind, and nothing is reported written that was not.
/// - The target is resolved first: a symbolic link is followed to the file it names (the link
///   stays a link); anything that exists and is not a regular file (a directory, a device node,
///   a FIFO) is refused with one line.
/// - The bytes go to a temporary file in the target's directory; every write is checked (a short
///   write, ENOSPC, EFBIG past `ulimit -f`), then `fsync`, then `rename` over the target and an
///   `fsync` of the directory. On any failure the temporary file is removed and the old file is
///   untouched.
/// - The new file keeps the old file's permission bits; a new file gets 0666 less the umask.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { fd in
            try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
        }
    }

    public static func write(_ text: String, to path: String) throws {
        var text = text
        try write(to: path) { fd in
            try text.withUTF8 { try writeAll(fd, UnsafeRawBufferPointer($0), path: path) }
        }
    }

    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { fd in
            try data.withUnsafeBytes { try writeAll(fd, $0, path: path) }
        }
    }

    /// Opens a temporary file beside the (resolved) target, lets `body` write to its descriptor,
    /// then renames it over the target.
    public static func write(to path: String, _ body: (Int32) throws -> Void) throws {
        let target = try resolve(path, shownAs: path)
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            throw SurveyDataError.write(file: path, message: "not a regular file (\(kind(existing.st_mode)))")
        }
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var closed = false
        do {
            let mode = exists ? existing.st_mode & 0o7777 : 0o666 & ~currentUmask()
            guard fchmod(fd, mode) == 0 else { throw failure(path) }
            try body(fd)
            guard fsync(fd) == 0 else { throw failure(path) }
            closed = true
            guard close(fd) == 0 else { throw failure(path) }
            guard rename(temporary, target) == 0 else { throw failure(path) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        // The rename is durable once the directory is on disk (best effort: not every file
        // system lets a directory be opened for fsync).
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirfd >= 0 { _ = fsync(dirfd); close(dirfd) }
    }

    /// Writes the whole buffer or throws (retrying after EINTR and short writes).
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        guard var p = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(fd, p, remaining)
            #else
            let n = Darwin.write(fd, p, remaining)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            p += n
            remaining -= n
        }
    }

    /// Follows symbolic links (at most 40, as the kernel does) to the path that is written.
    static func resolve(_ path: String, shownAs shown: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw failure(shown) }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        throw SurveyDataError.write(file: shown, message: "too many levels of symbolic links")
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }

    private static func failure(_ path: String) -> SurveyDataError {
        SurveyDataError.write(file: path, message: String(cString: strerror(errno)))
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
