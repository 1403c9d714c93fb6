import Foundation
import LessonModel
import PropertyBased
import Testing

/// ``LessonNameClash/groups(_:)`` finds exactly the names that are one text in several spellings: the same names
/// grouped by their NFC form (Foundation's normalisation, an independent computation), over generated names with
/// letters written precomposed or decomposed.
@Suite struct LessonNameClashPropertyTests {
    /// Letters with accents (precomposed), and ASCII.
    static let letters = Array("aeiouAéèüñçÅǖ- 0").map(String.init)

    @Test func groupsAreTheNamesThatShareAnNFCForm() async {
        let spelling = Gen.int(in: 0...(Self.letters.count - 1)).array(of: 1...4)
        await propertyCheck(count: 500, input: spelling.array(of: 1...6), Gen.bool.array(of: 6...6)) { words, decomposed in
            // Each word, written precomposed or decomposed as the flags say; a word may appear in both forms.
            var names: Set<[UInt8]> = []
            for (index, word) in words.enumerated() {
                let text = word.map { Self.letters[$0] }.joined() + ".md"
                let form = decomposed[index] ? text.decomposedStringWithCanonicalMapping : text.precomposedStringWithCanonicalMapping
                names.insert(Array(form.utf8))
                if decomposed[(index + 1) % decomposed.count] { names.insert(Array(text.decomposedStringWithCanonicalMapping.utf8)) }
            }
            let strings = names.map { String(decoding: $0, as: UTF8.self) }
            let expected = Dictionary(grouping: strings) { Array($0.precomposedStringWithCanonicalMapping.utf8) }.values
                .filter { $0.count > 1 }
                .map { Set($0.map { Array($0.utf8) }) }
            let found = LessonNameClash.groups(strings).map { Set($0.map { Array($0.utf8) }) }
            #expect(Set(found) == Set(expected))
            #expect(found.allSatisfy { $0.count > 1 })
        }
    }

    @Test func eachClashingFileGetsAnErrorThatTellsTheSpellingsApart() {
        let composed = "02-caf\u{E9}.md", decomposed = "02-cafe\u{301}.md"
        let diagnostics = LessonNameClash.diagnostics(LessonNameClash.groups([composed, "01-a.md", decomposed]), folder: "Lessons")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.line == 1 })
        #expect(Set(diagnostics.map { Array($0.location.file.utf8) }) == [Array("Lessons/\(composed)".utf8), Array("Lessons/\(decomposed)".utf8)])
        #expect(diagnostics.allSatisfy { $0.message.contains("'02-caf\\u{E9}.md'") && $0.message.contains("'02-cafe\\u{301}.md'") })
    }
}
