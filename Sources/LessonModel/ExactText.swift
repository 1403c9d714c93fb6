import Foundation

/// Text that equals only the same bytes: a key for memos (the site's build memos, highlighted code, solution
/// contexts). Swift's `==` on `String` calls canonically equivalent texts equal (`é` and `e` with a combining
/// accent), and a memo that treated them as one would hand back a page with the other bytes, unlike a build
/// without the memo. Hashed by its length and its first and last
/// 64 bytes, so that hashing a page costs next to nothing; equality compares the bytes with `memcmp`.
public struct ExactText: Hashable, Sendable {
    /// The text.
    public var text: String

    /// `text`, to be compared by its bytes.
    public init(_ text: String) { self.text = text }

    public static func == (left: ExactText, right: ExactText) -> Bool {
        var left = left.text, right = right.text
        guard left.utf8.count == right.utf8.count else { return false }
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                leftBytes.count == 0 || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes), edge = Swift.min(64, raw.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[..<edge]))
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(raw.count - edge)...]))
        }
    }
}
