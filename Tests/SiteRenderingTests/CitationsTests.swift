import Foundation
import LessonModel
import LessonParsing
import Testing
import TestSupport
@testable import SiteRendering

/// Citations `[@key]` and `@key` in prose: found outside code, rendered as linked author–year, listed per lesson
/// (only the works cited, in a fixed order), and an unknown key is an error at its line and column (issue 26).
@Suite struct CitationsTests {
    static func work(_ key: String, _ authors: [String], _ year: String, _ title: String, doi: String? = nil,
                     url: String? = nil) -> Bibliography.Work
    {
        Bibliography.Work(key: key, authors: authors.map(Bibliography.Author.init), year: year, title: title,
            venue: "Venue", doi: doi, url: url, location: SourceLocation(file: "references.yml", line: 1))
    }

    static let bibliography = Bibliography(works: [
        work("kingma2014vae", ["Kingma, D. P.", "Welling, M."], "2014", "Auto-encoding variational Bayes",
             url: "https://arxiv.org/abs/1312.6114"),
        work("blei2017vi", ["Blei, D. M.", "Kucukelbir, A.", "McAuliffe, J. D."], "2017", "Variational inference",
             doi: "10.1080/01621459.2017.1285773"),
        work("oord2016pixel", ["van den Oord, A.", "Kalchbrenner, N.", "Kavukcuoglu, K."], "2016", "Pixel recurrent neural networks"),
        work("oord2016wavenet", ["van den Oord, A.", "Dieleman, S.", "Zen, H."], "2016", "WaveNet"),
        work("bishop2006prml", ["Bishop, C. M."], "2006", "Pattern recognition and machine learning"),
    ])

    @Test func findsBracketedAndNarrativeCitationsOutsideCode() {
        let prose = """
            As shown [@kingma2014vae], and [see @blei2017vi, section 2; @bishop2006prml] too.
            @oord2016pixel wrote it; @bishop2006prml [section 10.1] says so. Mail a@kingma2014vae.org or \\@bishop2006prml.
            `[@in-code]` and [@fig-plot] and [@kingma2014vae](https://example.org).
            """
        let scan = CrossReferences.scan(prose, citations: true)
        #expect(scan.citations.map { $0.items.map(\.key) }
            == [["kingma2014vae"], ["blei2017vi", "bishop2006prml"], ["oord2016pixel"], ["bishop2006prml"]])
        #expect(scan.citations.map(\.narrative) == [false, false, true, true])
        #expect(scan.citations[1].items.map(\.prefix) == ["see", ""])
        #expect(scan.citations[1].items.map(\.suffix) == [", section 2", ""])
        #expect(scan.citations[3].items[0].suffix == "section 10.1")
        #expect(scan.citations.flatMap { $0.items.map(\.line) } == [1, 1, 1, 2, 2])
        #expect(scan.citations.flatMap { $0.items.map(\.column) } == [11, 37, 61, 1, 26])
        #expect(scan.references.map(\.label) == ["fig-plot"])
        #expect(scan.text.contains("a@kingma2014vae.org") && scan.text.contains("\\@bishop2006prml")
            && scan.text.contains("`[@in-code]`") && scan.text.contains("[@kingma2014vae](https://example.org)"))
        #expect(scan.text.hasPrefix("As shown LESSONSCITE0X, and LESSONSCITE1X too.\nLESSONSCITE2X wrote it; LESSONSCITE3X says so."))
        // Without citations (the reference pages), the same prose keeps its brackets and `@`.
        #expect(CrossReferences.scan(prose, citations: false).citations.isEmpty)
    }

    /// A bracket the text wraps over lines is one citation; the items keep their own lines and columns, and every
    /// later line keeps its number.
    @Test func aCitationMayWrapOverLines() {
        let prose = "A model [PixelVAE, @a2017; the prior of\nthe VQ-VAE, @b2017] uses\nboth; then @fig-x and [@c] here.\nNext."
        let scan = CrossReferences.scan(prose, citations: true)
        #expect(scan.citations.map { $0.items.map(\.key) } == [["a2017", "b2017"], ["c"]])
        #expect(scan.citations[0].items.map(\.prefix) == ["PixelVAE,", "the prior of the VQ-VAE,"])
        #expect(scan.citations.flatMap { $0.items.map { "\($0.line):\($0.column)" } } == ["1:20", "2:13", "3:24"])
        #expect(scan.references.map { "\($0.label) \($0.line):\($0.column)" } == ["fig-x 3:12"])
        #expect(scan.text == "A model LESSONSCITE0X\n uses\nboth; then LESSONSXREF0X and LESSONSCITE1X here.\nNext.")
    }

    @Test func citationsRenderAsLinkedAuthorYear() {
        let scan = CrossReferences.scan(
            "[@kingma2014vae] [CAVI, @blei2017vi, Algorithm 2; @bishop2006prml] @oord2016pixel @bishop2006prml [section 10.1]",
            citations: true)
        let list = ReferenceList(citing: scan.citations.flatMap { $0.items.map(\.key) }, in: Self.bibliography)
        #expect(scan.citations.map(list.html(for:)) == [
            "(<a class=\"citation\" href=\"#ref-kingma2014vae\">Kingma &amp; Welling, 2014</a>)",
            "(CAVI, <a class=\"citation\" href=\"#ref-blei2017vi\">Blei et al., 2017</a>, Algorithm 2; "
                + "<a class=\"citation\" href=\"#ref-bishop2006prml\">Bishop, 2006</a>)",
            "<a class=\"citation\" href=\"#ref-oord2016pixel\">van den Oord et al. (2016)</a>",
            "<a class=\"citation\" href=\"#ref-bishop2006prml\">Bishop (2006, section 10.1)</a>",
        ])
        // Each entry has its anchor and its DOI (as a doi.org link) or address.
        #expect(list.html.contains("<li id=\"ref-blei2017vi\">Blei, D. M., Kucukelbir, A., &amp; McAuliffe, J. D. (2017). "
            + "Variational inference. <em>Venue</em>. <a href=\"https://doi.org/10.1080/01621459.2017.1285773\">"
            + "https://doi.org/10.1080/01621459.2017.1285773</a></li>"))
        #expect(list.html.contains("<a href=\"https://arxiv.org/abs/1312.6114\">https://arxiv.org/abs/1312.6114</a>"))
    }

    @Test func theListHasOnlyTheCitedWorksInAuthorYearOrderWithLettersForTheSameAuthorsAndYear() {
        let list = ReferenceList(citing: ["oord2016wavenet", "kingma2014vae", "oord2016pixel", "kingma2014vae"],
            in: Self.bibliography)
        // By first author, then the other authors (Dieleman before Kalchbrenner), year, title.
        #expect(list.works.map(\.key) == ["kingma2014vae", "oord2016wavenet", "oord2016pixel"])
        // The two "van den Oord et al., 2016" get a and b in list order; Blei and Bishop, not cited, are not listed.
        #expect(list.labels["oord2016wavenet"]?.year == "2016a" && list.labels["oord2016pixel"]?.year == "2016b")
        #expect(!list.html.contains("Blei") && !list.html.contains("Bishop"))
        #expect(list.html.contains("van den Oord, A., Dieleman, S., &amp; Zen, H. (2016a). WaveNet."))
        // Only one of them cited: no letter.
        #expect(ReferenceList(citing: ["oord2016wavenet"], in: Self.bibliography).labels["oord2016wavenet"]?.year == "2016")
    }

    /// Property: whatever order and repetition the citations come in, the list (its HTML) is the same.
    @Test func theListDoesNotDependOnCitationOrder() {
        var random = TestRandom(seed: 26)
        let keys = Array(Self.bibliography.works.keys).sorted()
        for _ in 0..<100 {
            let cited = keys.filter { _ in random.chance(0.6) }
            let expected = ReferenceList(citing: cited, in: Self.bibliography).html
            var shuffled = (cited + cited.filter { _ in random.chance(0.5) })
            shuffled.shuffle(using: &random)
            #expect(ReferenceList(citing: shuffled, in: Self.bibliography).html == expected)
            #expect(Set(ReferenceList(citing: shuffled, in: Self.bibliography).works.map(\.key)) == Set(cited))
        }
    }

    @Test func aLessonPageEndsWithItsReferencesAndAnUnknownKeyIsAnErrorAtItsPlace() throws {
        let markdown = """
            ---
            title: Cites
            ---

            # Cites

            The VAE [@kingma2014vae] and [@blei2017vi; @nobody2020].
            Then @nobody2021 again.
            """
        let (parsed, _) = LessonParser.parse(Array(markdown.utf8), displayPath: "Lessons/10-cites.md")
        let lesson = try #require(parsed)
        var renderer = LessonPageRenderer(lessonsDirectory: URL(fileURLWithPath: "/"))
        renderer.bibliography = Self.bibliography
        let page = renderer.render(lesson)
        #expect(page.diagnostics.map(\.description) == [
            "Lessons/10-cites.md:7:44: error: [@nobody2020] cites no work: 'nobody2020' is not a key of Lessons/references.yml",
            "Lessons/10-cites.md:8:6: error: @nobody2021 cites no work: 'nobody2021' is not a key of Lessons/references.yml (write \\@ for a literal @)",
        ])
        #expect(page.body.contains("The VAE (<a class=\"citation\" href=\"#ref-kingma2014vae\">Kingma &amp; Welling, 2014</a>)"))
        let heading = try #require(page.body.range(of: "<h2 id=\"references\">References"))
        let list = try #require(page.body.range(of: "<ul class=\"references\">"))
        #expect(heading.upperBound < list.lowerBound)
        #expect(page.body.contains("<li id=\"ref-kingma2014vae\">") && page.body.contains("<li id=\"ref-blei2017vi\">"))
        #expect(!page.body.contains("ref-bishop2006prml"))
        #expect(page.headings.last?.text == "References")
        // Without a bibliography (the reference pages) nothing is a citation.
        renderer.bibliography = nil
        let plain = renderer.render(lesson)
        #expect(plain.diagnostics.isEmpty && plain.body.contains("[@kingma2014vae]") && !plain.body.contains("References"))
    }
}
