import Testing
@testable import SiteRendering

@Suite struct HeadingAnchorsTests {
    @Test func headingsGetUniqueIdsFromTheirText() {
        var anchors = HeadingAnchors()
        anchors.reserve("summary")
        let html = anchors.annotate("<h2>The ELBO &amp; KL</h2>\n<p>x</p>\n<h3>The ELBO &amp; KL</h3>\n<h2>Summary</h2>")
        #expect(anchors.headings.map(\.id) == ["the-elbo-kl", "the-elbo-kl-2", "summary-2"])
        #expect(anchors.headings.map(\.text) == ["The ELBO & KL", "The ELBO & KL", "Summary"])
        #expect(html.contains("<h2 id=\"the-elbo-kl\">The ELBO &amp; KL<a class=\"anchor\" href=\"#the-elbo-kl\""))
    }
}
