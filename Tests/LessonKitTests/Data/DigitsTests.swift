import Foundation
import LessonKit
import Testing

@Suite struct DigitsTests {
    @Test func theCourseDataLoadsWithItsCanonicalSplit() throws {
        let digits = try Digits.load()
        #expect(digits.count == 1_797)
        #expect(Array(digits.images[0].prefix(8)) == [0, 0, 5, 13, 9, 1, 0, 0])
        #expect(digits.labels[0] == 0 && digits.labels[1] == 1)
        let (train, test) = digits.binarized().split()
        #expect(train.count == 1_500 && test.count == 297)
        #expect(Array(train.images[0].prefix(8)) == [0, 0, 0, 1, 1, 0, 0, 0], "pixel >= 8 becomes 1")
    }

    @Test func independentPixelsGiveTheReferenceTestLikelihood() throws {
        let (train, test) = try Digits.load().binarized().split()
        // One Bernoulli per pixel, Laplace-smoothed (alpha = 1) on the training set; NLL in nats per image.
        let p = (0..<64).map { pixel in (train.images.reduce(0) { $0 + $1[pixel] } + 1) / (Double(train.count) + 2) }
        let nll = test.images.reduce(0.0) { total, image in
            total - (0..<64).reduce(0.0) { $0 + (image[$1] == 1 ? log(p[$1]) : log(1 - p[$1])) }
        } / Double(test.count)
        #expect(abs(nll - 24.6) < 0.3, "test NLL \(nll)")
    }

    @Test func malformedRowsNameTheirLine() {
        let good = Array(repeating: "0", count: 64).joined(separator: ",") + ",3"
        #expect(throws: DigitsError.self) { try Digits.parse(good + "\n" + good + ",9\n", file: "d.csv") }
        do {
            _ = try Digits.parse(good + "\n" + good.replacingOccurrences(of: ",3", with: ",12"), file: "d.csv")
            Issue.record("a label of 12 must be rejected")
        } catch {
            #expect("\(error)" == "d.csv:2: the label 12 is not a digit")
        }
    }
}
