import Foundation
import PropertyBased
import Testing
import TestSupport

@testable import SiteRendering

/// The search index's JSON is put together from each page's entries encoded on their own (so that a preview keeps a
/// page's JSON with its entries): over generated pages, entries and texts (quotes, backslashes, slashes, control
/// characters, other scripts), the script holds the same bytes as the whole array encoded at once.
@Suite struct SearchIndexJSONPropertyTests {
    static let pieces = ["a", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "e\u{301}", "𝔼", "</script>", " ", "q(z|x)"]

    func text(_ random: inout TestRandom) -> String {
        (0..<Int(random.next() % 8)).map { _ in random.pick(Self.pieces) }.joined()
    }

    @Test func theIndexIsTheWholeArrayEncodedAtOnce() async {
        await propertyCheck(count: 200, input: Gen.uint64()) { seed in
            var random = TestRandom(seed: seed)
            var index = SearchIndex()
            var all: [SearchIndex.Entry] = []
            for _ in 0..<Int(random.next() % 5) {
                let entries = (0..<Int(random.next() % 4)).map { _ in
                    SearchIndex.Entry(url: text(&random), lesson: text(&random), heading: text(&random), text: text(&random),
                        headingStems: text(&random), lessonStems: text(&random), textStems: text(&random))
                }
                index.append(SearchIndex.PageEntries(entries))
                all += entries
            }
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let whole = String(decoding: try encoder.encode(all), as: UTF8.self)
                #expect(try index.script().contains("window.LESSONS_SEARCH = \(whole);\n"), "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
