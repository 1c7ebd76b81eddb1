import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files the user makes are written to a temporary file in the same directory and renamed over the
/// target, so a crash or full disk never leaves a half-written dataset behind.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { fd in
            try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
        }
    }

    /// Opens a temporary file beside `path`, lets `body` write to its descriptor, then renames it.
    static func write(to path: String, _ body: (Int32) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw SurveyDataError.write(file: path, message: String(cString: strerror(errno)))
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var closed = false
        do {
            try body(fd)
            guard fsync(fd) == 0 else { throw SurveyDataError.write(file: path, message: String(cString: strerror(errno))) }
            closed = true
            guard close(fd) == 0 else { throw SurveyDataError.write(file: path, message: String(cString: strerror(errno))) }
            _ = fchmodTemporary(temporary)
            guard rename(temporary, path) == 0 else {
                throw SurveyDataError.write(file: path, message: String(cString: strerror(errno)))
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        guard var p = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let n = Glibc.write(fd, p, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                throw SurveyDataError.write(file: path, message: String(cString: strerror(errno)))
            }
            p += n
            remaining -= n
        }
    }

    /// mkstemp creates 0600; a written dataset should get the usual 0644 (less the umask).
    private static func fchmodTemporary(_ path: String) -> Int32 {
        let mask = umask(0)
        umask(mask)
        return chmod(path, 0o666 & ~mask)
    }
}
