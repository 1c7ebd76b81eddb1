/// Raw `Double` buffers for the per-worker sums and scratch of the row loops (likelihood pass,
/// tall-skinny QR, margins): a loop that writes an array element thousands of times per block
/// through an `inout` value pays a uniqueness check on every write; a raw buffer does not. Owners
/// are small final classes that deallocate in `deinit`. At least one element is allocated, so a
/// zero-sized problem still gets a valid pointer.
enum RawBuffers {
    /// `count` doubles set to 0.
    static func zeroed(_ count: Int) -> UnsafeMutablePointer<Double> {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: 0, count: max(count, 1))
        return buffer
    }

    /// `count` doubles left unset: scratch that is fully written before it is read.
    static func scratch(_ count: Int) -> UnsafeMutablePointer<Double> {
        .allocate(capacity: max(count, 1))
    }
}
