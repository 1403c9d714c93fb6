import Testing
import TestSupport
@testable import SiteRendering

@Suite struct CrossReferencesTests {
    @Test func extractsEveryKindOutsideCode() {
        let prose = """
            As @fig-gap-plot and @tbl-runs show, @eq-identity holds (see also @fig:old-style).
            Mail me at a@fig-x.org; `@fig-in-code` is code.
            ```
            @eq-in-a-fence
            ```
            Ends with @eq-last.
            """
        let (text, references) = CrossReferences.extract(from: prose)
        #expect(references.map(\.label) == ["fig-gap-plot", "tbl-runs", "eq-identity", "fig-old-style", "eq-last"])
        #expect(references.map(\.line) == [1, 1, 1, 1, 6])
        #expect(references[1].column == 22)
        #expect(text.hasPrefix("As LESSONSXREF0X and LESSONSXREF1X show, LESSONSXREF2X holds (see also LESSONSXREF3X)."))
        #expect(text.contains("a@fig-x.org") && text.contains("`@fig-in-code`") && text.contains("@eq-in-a-fence"))
    }

    @Test func equationLabelsAcceptBothSpellings() {
        #expect(CrossReferences.equationLabel(forKey: "eq:identity") == "eq-identity")
        #expect(CrossReferences.equationLabel(forKey: "eq-identity") == "eq-identity")
        #expect(CrossReferences.equationLabel(forKey: "identity") == "eq-identity")
    }

    @Test func resolvedReferencesLinkToTheirTargets() {
        let (_, references) = CrossReferences.extract(from: "@fig-a, @tbl-b and @eq-c.")
        let targets: [String: CrossReferences.Target] = ["fig-a": .init(number: "2", anchor: "figure-2"),
            "tbl-b": .init(number: "1", anchor: "table-1"), "eq-c": .init(number: "3", anchor: "eq-eq-c")]
        let (html, unresolved) = CrossReferences.resolve(references, targets: targets)
        #expect(unresolved.isEmpty)
        #expect(html == ["<a class=\"figure-ref\" href=\"#figure-2\">Figure 2</a>", "<a class=\"table-ref\" href=\"#table-1\">Table 1</a>",
                         "<a class=\"eqref\" href=\"#eq-eq-c\">Equation (3)</a>"])
    }

    static let names = ["gap", "gap-plot", "a_b", "x1", "elbo-2", "kl"]

    /// Property: over random prose with references to defined and undefined labels, every defined label
    /// resolves and every undefined one is reported at the line and column where it is written.
    @Test func definedLabelsResolveAndUndefinedOnesAreErrorsAtTheirPlace() {
        var random = TestRandom(seed: 26)
        for _ in 0..<300 {
            var defined: [String: CrossReferences.Target] = [:]
            for kind in CrossReferences.Kind.allCases {
                for name in Self.names where random.chance(0.5) { defined["\(kind.rawValue)-\(name)"] = .init(number: "1", anchor: "x") }
            }
            var lines: [String] = []
            var written: [(label: String, line: Int, column: Int)] = []
            for lineNumber in 1...Int.random(in: 1...6, using: &random) {
                var line = random.pick(["", "Text ", "As ", "(see "])
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    let label = "\(random.pick(CrossReferences.Kind.allCases).rawValue)-\(random.pick(Self.names))"
                    written.append((label, lineNumber, line.count + 1))
                    line += "@\(label)" + random.pick([" and ", ", ", ". ", ") "])
                }
                lines.append(line)
            }
            let (_, references) = CrossReferences.extract(from: lines.joined(separator: "\n"))
            #expect(references.map(\.label) == written.map(\.label))
            let (html, unresolved) = CrossReferences.resolve(references, targets: defined)
            let expectedMissing = written.filter { defined[$0.label] == nil }
            #expect(unresolved.map(\.label) == expectedMissing.map(\.label))
            #expect(unresolved.map(\.line) == expectedMissing.map(\.line))
            #expect(unresolved.map(\.column) == expectedMissing.map(\.column))
            #expect(zip(references, html).allSatisfy { defined[$0.label] == nil || $1.hasPrefix("<a ") })
        }
    }
}
