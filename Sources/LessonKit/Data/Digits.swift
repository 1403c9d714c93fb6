import Foundation

/// The course's data set: 1,797 handwritten digits as 8x8 images (see `Assets/data/README.md` for its source).
///
/// ```swift
/// let digits = try Digits.load()
/// let (train, test) = digits.binarized().split()   // 1,500 and 297 images of 64 pixels in {0, 1}
/// ```
public struct Digits: Sendable {
    /// Each image: 64 pixels in row-major order, values 0...16 (or 0/1 after ``binarized()``).
    public var images: [[Double]]
    /// Each image's digit, 0...9.
    public var labels: [Int]

    /// Image side length in pixels.
    public static let side = 8
    /// Rows of the canonical training set (the first 1,500 in file order).
    public static let trainingCount = 1_500

    /// Creates a data set from images and labels of the same count.
    public init(images: [[Double]], labels: [Int]) {
        precondition(images.count == labels.count, "Digits: \(images.count) images but \(labels.count) labels")
        self.images = images
        self.labels = labels
    }

    /// Loads `digits.csv` from `path`, or else from `$LESSONKIT_DATA/digits.csv`, or else from the first
    /// `Assets/data/digits.csv` found walking up from the current directory.
    public static func load(from path: String? = nil) throws -> Digits {
        let candidates = path.map { [$0] } ?? defaultLocations()
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw DigitsError.notFound(tried: candidates)
        }
        let text = try String(contentsOfFile: found, encoding: .utf8)
        LessonRuntime.recordInput(found)
        return try parse(text, file: found)
    }

    /// Parses the CSV text; every problem names the file and line.
    public static func parse(_ text: String, file: String = "digits.csv") throws -> Digits {
        var images: [[Double]] = []
        var labels: [Int] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            let lineNumber = offset + 1
            guard fields.count == 65 else {
                throw DigitsError.malformed(file: file, line: lineNumber, reason: "expected 65 values, found \(fields.count)")
            }
            let values = fields.compactMap { $0 }
            guard values.count == 65 else {
                throw DigitsError.malformed(file: file, line: lineNumber, reason: "a value is not an integer")
            }
            guard values.prefix(64).allSatisfy({ (0...16).contains($0) }) else {
                throw DigitsError.malformed(file: file, line: lineNumber, reason: "a pixel is outside 0...16")
            }
            guard (0...9).contains(values[64]) else {
                throw DigitsError.malformed(file: file, line: lineNumber, reason: "the label \(values[64]) is not a digit")
            }
            images.append(values.prefix(64).map(Double.init))
            labels.append(values[64])
        }
        return Digits(images: images, labels: labels)
    }

    /// The canonical binarization: a pixel becomes 1 when it is at least 8, else 0.
    public func binarized() -> Digits {
        Digits(images: images.map { $0.map { $0 >= 8 ? 1 : 0 } }, labels: labels)
    }

    /// The canonical split, in file order: the first 1,500 rows for training, the rest (297) for testing.
    public func split() -> (train: Digits, test: Digits) {
        let cut = min(Self.trainingCount, images.count)
        return (
            Digits(images: Array(images[..<cut]), labels: Array(labels[..<cut])),
            Digits(images: Array(images[cut...]), labels: Array(labels[cut...]))
        )
    }

    /// Number of images.
    public var count: Int { images.count }

    private static func defaultLocations() -> [String] {
        var locations: [String] = []
        if let folder = ProcessInfo.processInfo.environment["LESSONKIT_DATA"] { locations.append(folder + "/digits.csv") }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            locations.append(directory.appendingPathComponent("Assets/data/digits.csv").path)
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return locations
    }
}

/// Why the digits could not be loaded.
public enum DigitsError: Error, CustomStringConvertible {
    /// No `digits.csv` in any of the places tried.
    case notFound(tried: [String])
    /// A line of the file is not 64 pixel values in 0...16 and a digit label; `reason` says which.
    case malformed(file: String, line: Int, reason: String)

    /// A sentence naming what was wrong.
    public var description: String {
        switch self {
        case .notFound(let tried): "digits.csv not found; looked in: \(tried.joined(separator: ", "))"
        case .malformed(let file, let line, let reason): "\(file):\(line): \(reason)"
        }
    }
}
