import APIReference
import Foundation
import Testing

/// The LessonKit reference pages (issue 18): one per area, every public declaration with its signature and comment.
@Suite struct ReferencePagesTests {
    @Test func aPageListsTypesMembersExtensionsAndCases() throws {
        let source = """
            /// A coin.
            public struct Coin: Sendable {
                /// Heads' probability.
                public var p: Double
                var hidden = 0
                /// Flips it.
                @_specialize(where G == SeededGenerator)
                public func flip<G: RandomNumberGenerator>(using generator: inout G) -> Bool {
                    true
                }
            }
            extension Coin {
                /// A fair coin.
                public static let fair = Coin(p: 0.5)
            }
            /// Sides.
            public enum Side { 
                /// Up.
                case heads
                case tails
            }
            extension Double {
                /// Twice. Shown as `{swift} x.twice`.
                public var twice: Double { 2 * self }
            }
            """
        let pages = ReferencePages.make(from: [("Random/Coin.swift", source)])
        let page = try #require(pages.first)
        #expect(pages.count == 1)
        #expect(page.area.slug == "randomness")
        let markdown = page.markdown
        #expect(markdown.hasPrefix("---\ntitle: \"LessonKit: Randomness\"\n"))
        #expect(markdown.contains("## `Coin`\n\n```swift\npublic struct Coin: Sendable\n```\n\nA coin.\n"))
        #expect(markdown.contains("### `p`\n\n```swift\npublic var p: Double\n```\n\nHeads' probability.\n"))
        #expect(markdown.contains("### `flip(using:)`\n\n```swift\npublic func flip<G: RandomNumberGenerator>(using generator: inout G) -> Bool\n```"))
        #expect(markdown.contains("### `fair`\n\n```swift\npublic static let fair = Coin(p: 0.5)\n```\n\nA fair coin.\n"))
        #expect(!markdown.contains("hidden"))
        #expect(markdown.contains("### `heads`"))
        #expect(markdown.contains("### `tails`\n\n```swift\ncase tails\n```\n\n*Not documented yet.*"))
        #expect(markdown.contains("## `Double (extension)`"))
        #expect(markdown.contains("`{swift}\u{00A0}x.twice`"), "a value-in-prose span stays text")
        #expect(!markdown.contains("_specialize"))
    }

    @Test func theRealLessonKitHasAPagePerArea() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LessonKit")
        let pages = ReferencePages.make(fromSourcesIn: sources)
        let slugs = pages.map(\.area.slug)
        for area in ["randomness", "distributions", "tensors-and-autodiff", "models", "mcmc", "variational-inference",
            "plots", "display", "checks"]
        {
            #expect(slugs.contains(area), "no reference page for \(area)")
        }
        let distributions = try #require(pages.first { $0.area.slug == "distributions" })
        #expect(distributions.markdown.contains("## `Normal`"))
        #expect(distributions.markdown.contains("### `logProb(_:)`"))
        // Deterministic: the same sources give the same pages.
        #expect(ReferencePages.make(fromSourcesIn: sources).map(\.markdown) == pages.map(\.markdown))
    }

    @Test func parsingOnOneThreadOrManyGivesTheSamePages() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LessonKit")
        let files = (FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
            .map { (file: $0, text: try! String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8)) }
        let serial = ReferencePages.make(from: files, jobs: 1)
        #expect(serial.count > 5)
        #expect(ReferencePages.make(from: files, jobs: 8).map(\.markdown) == serial.map(\.markdown))
        // The files in another order give other pages (members keep source order): the pool must keep the order.
        #expect(ReferencePages.make(from: files.reversed(), jobs: 8).map(\.markdown) != serial.map(\.markdown))
    }
}
