import LessonModel
import LessonParsing
import Testing

/// `Lessons/references.yml`: works by citation key, problems at their line and column (issue 26).
@Suite struct BibliographyParserTests {
    /// Every problem of `text` as `line:column: message`.
    func problems(_ text: String) -> [String] {
        BibliographyParser.parse(text).1.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func readsWorksWithAuthorsAsTextOrList() throws {
        let (bibliography, problems) = BibliographyParser.parse("""
            # comment
            blei2017variational:
              authors: Blei, D. M. and Kucukelbir, A. and McAuliffe, J. D.
              year: 2017
              title: "Variational inference: a review for statisticians"
              venue: JASA 112(518)
              doi: 10.1080/01621459.2017.1285773
            itu1988g711:
              authors: [ITU-T]
              year: 1988
              title: G.711
              url: https://www.itu.int/rec/T-REC-G.711
            """)
        #expect(problems.isEmpty, "\(problems)")
        let blei = try #require(bibliography.works["blei2017variational"])
        #expect(blei.authors.map(\.family) == ["Blei", "Kucukelbir", "McAuliffe"])
        #expect(blei.authors.map(\.given) == ["D. M.", "A.", "J. D."])
        #expect(blei.year == "2017" && blei.venue == "JASA 112(518)")
        #expect(blei.link == "https://doi.org/10.1080/01621459.2017.1285773")
        #expect(blei.location == SourceLocation(file: "Lessons/references.yml", line: 2, column: 1))
        let itu = try #require(bibliography.works["itu1988g711"])
        #expect(itu.authors == [Bibliography.Author("ITU-T")] && itu.authors[0].given.isEmpty)
        #expect(itu.link == "https://www.itu.int/rec/T-REC-G.711")
    }

    @Test func problemsAreReportedAtTheirPlace() {
        #expect(problems("""
            a2020:
              authors: A, B.
              year: 2020
              doi: https://doi.org/10.1/x
              pages: 3
            b2021:
              title: T
              year: 2021
              authors: B, C.
              url: ftp://x
            """) == [
                "5:3: unknown field 'pages' (a work has authors, year, title, venue, doi, url)",
                "2:3: 'a2020' has no 'title'",
                "4:8: 'doi' of 'a2020' must be a DOI such as 10.1080/01621459.2017.1285773 (without https://doi.org/)",
                "10:8: 'url' of 'b2021' must be an address starting with https://",
            ])
        #expect(problems("a:\n  title: x\na:\n  title: y\n").first?.hasPrefix("3:1: 'a' is given twice") == true)
        #expect(problems("- a\n- b\n").first?.contains("must map each citation key") == true)
        #expect(problems("\"bad key\":\n  title: x\n").first?.hasPrefix("1:1: a citation key is") == true)
    }
}
