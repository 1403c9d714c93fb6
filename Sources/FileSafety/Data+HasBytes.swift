import Foundation

extension Data {
    /// Whether the data holds exactly `bytes`, compared with `memcmp` (comparing as arrays of `UInt8` went element by
    /// element through generic code, a sixth of a preview rebuild in a debug build).
    func hasBytes(_ bytes: [UInt8]) -> Bool {
        guard count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return withUnsafeBytes { data in
            bytes.withUnsafeBytes { array in memcmp(data.baseAddress!, array.baseAddress!, bytes.count) == 0 }
        }
    }
}
