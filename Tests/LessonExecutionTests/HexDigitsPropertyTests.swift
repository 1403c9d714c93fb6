import Crypto
import Foundation
import LessonModel
import PropertyBased
import Testing

/// `hexDigits` writes what Foundation's `%02x` writes: every hash in an output marker, a program cache key or a
/// release manifest keeps its bytes.
@Suite struct HexDigitsPropertyTests {
    @Test func anyBytesGiveFoundationsDigits() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...80)) { bytes in
            #expect(bytes.hexDigits == bytes.map { String(format: "%02x", $0) }.joined())
        }
    }

    @Test func aDigestGivesFoundationsDigits() async {
        await propertyCheck(count: 200, input: Gen.uint8().array(of: 0...200)) { bytes in
            let digest = SHA256.hash(data: Data(bytes))
            #expect(digest.hexDigits == digest.map { String(format: "%02x", $0) }.joined())
            #expect(digest.hexDigits.utf8.count == 64)
        }
    }
}
