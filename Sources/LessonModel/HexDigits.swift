extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal digits, two per byte: what `map { String(format: "%02x", $0) }.joined()`
    /// gives, without formatting each byte through Foundation (the fingerprint of a 40,000-cell lesson spent most
    /// of its time there). Inlinable, so that it is specialised for the caller's sequence (a digest) instead of
    /// reading each byte through the protocol's witness table.
    @inlinable public var hexDigits: String {
        var digits: [UInt8] = []
        digits.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            digits.append(Self.hexDigit(byte >> 4))
            digits.append(Self.hexDigit(byte & 0x0F))
        }
        return String(decoding: digits, as: UTF8.self)
    }

    @inlinable static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
