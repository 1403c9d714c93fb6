import LessonModel
import LessonParsing
import PropertyBased
import Testing

/// A fence's info string and its closing line are read by bytes: a cell is a fence whose info is `{swift}` with
/// only spaces and tabs around it, and a fence is closed by up to three spaces, a run at least as long, then only
/// spaces and tabs, as the Character-by-Character reading said.
@Suite struct FenceBytesPropertyTests {
    static let infoPieces = [" ", "\t", "{swift}", "{", "swift", "}", "x", "\u{301}", "é"]
    static let runs = ["```", "````", "``", "~~~", "`x`", " ```", "\u{301}```"]
    static let tails = [" ", "\t", "`", "x", "\u{301}"]

    @Test func cellsAndClosedFencesAreThoseOfTheCharacterReading() async {
        let info = Gen.element(of: Self.infoPieces).array(of: 0...5).map { $0.compactMap { $0 }.joined() }
        let tail = Gen.element(of: Self.tails).array(of: 0...3).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1_000, input: info, Gen.int(in: 0...5), Gen.element(of: Self.runs), tail) {
            info, spaces, run, tail in
            let closing = String(repeating: " ", count: spaces) + (run ?? "") + tail
            let text = "---\ntitle: T\n---\n\n```" + info + "\nlet a = 1\n" + closing + "\n"
            let (lesson, diagnostics) = LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md")
            // What the fence's info string is after CommonMark trims it, and whether the line closes it, as the
            // reading by Characters decided.
            let trimmedInfo = info.trimmingCharacters(in: [" ", "\t"])
            let isCell = trimmedInfo.filter { $0 != " " && $0 != "\t" } == "{swift}" && trimmedInfo.contains("{swift}")
            let indentation = closing.prefix { $0 == " " }.count
            let rest = closing.dropFirst(indentation)
            let run = rest.prefix { $0 == "`" }.count
            let isClosed = indentation <= 3 && run >= 3 && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
            let unterminated = diagnostics.contains { $0.identifier == "fence.unterminated" }
            if info.contains("`") { return }  // not a fence at all
            #expect(unterminated == !isClosed, "closing line \(closing.debugDescription)")
            if isClosed {
                #expect((lesson?.cells.count ?? 0) == (isCell ? 1 : 0), "info \(info.debugDescription)")
            }
        }
    }
}
