#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only memory map of a whole file, so the CSV parser reads the page cache directly instead of
/// first copying ~100 MB into a Swift array (and the file is never held as a String).
enum MappedFile {
    static func withBytes<R>(path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if errno == ENOENT { throw SurveyDataError.fileNotFound(path) }
            throw SurveyDataError.csv(file: path, line: 0, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw SurveyDataError.csv(file: path, line: 0, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw SurveyDataError.csv(file: path, line: 0, message: "is a directory")
        }
        let size = Int(info.st_size)
        if size == 0 { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw SurveyDataError.csv(file: path, line: 0, message: "cannot map file: \(String(cString: strerror(errno)))")
        }
        defer { munmap(mapped, size) }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size))
    }
}
