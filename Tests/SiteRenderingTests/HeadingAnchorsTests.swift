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

@Suite struct CalloutTests {
    @Test func alertBlockQuotesBecomeTitledBoxes() {
        let html = Callouts.apply("<blockquote>\n<p>[!WARNING]\nThe bound is not tight.</p>\n</blockquote>\n<blockquote>\n<p>plain</p>\n</blockquote>")
        #expect(html.contains("<aside class=\"callout warning\" role=\"note\"><p class=\"callout-title\">Warning</p><p>The bound is not tight.</p>"))
        #expect(html.contains("<blockquote>\n<p>plain</p>"), "other block quotes stay")
    }
}
