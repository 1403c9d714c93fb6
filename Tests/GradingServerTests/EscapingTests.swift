import Foundation
import Testing
import TestSupport

/// Every byte a student wrote reaches the page as text (issue 25: the `<img src=x onerror=alert(9)>` student).
@Suite struct EscapingTests {
    static let name = "<img src=x onerror=alert(9)>"
    static let answer = "// <script>alert(1)</script> and {{grade}} and {{{raw}}}\nlet x = \"</pre><script>alert(2)</script>\""

    @Test func aHostileStudentIsShownAsText() async throws {
        let served = try await ServedClass(
            answers: [Self.name: Self.answer], meanCode: [Self.name: "<script>alert(3)</script>"],
            failure: [Self.name: "your code does not compile: <script>alert(4)</script> {{x}}"])
        defer { served.stop() }
        try await served.showNames()
        let (page, answers, versions) = try await served.question()
        #expect(try await served.grade(answers, versions: versions, action: "comment", value: "<b>{{c}}</b><script>alert(5)</script>").status == 200)
        let key = answers[0]
        let pages = [
            try await served.client.get("/").text, page, try await served.question().page,
            try await served.client.get("/student/\(key)").text, try await served.client.get("/audit/means/explain").text,
            try await served.client.get("/student/\(key)/feedback/means").text,
        ]
        for (index, html) in pages.enumerated() {
            #expect(!html.contains("<script>alert"), "page \(index) runs the student's script")
            #expect(!html.contains("<img src=x"), "page \(index) shows the student's name as markup")
            #expect(!html.contains("<b>{{c}}"), "page \(index) shows the comment as markup")
        }
        #expect(pages[0].contains("&lt;img src=x onerror=alert(9)&gt;"), "the name is on the overview, as text")
        #expect(pages[2].contains("&lt;img src=x onerror=alert(9)&gt;"), "the name is on the question page, as text")
        #expect(pages[2].contains("{{grade}}") && pages[2].contains("{{{raw}}}"), "mustache braces stay text")
        #expect(pages[2].contains("&lt;/pre&gt;&lt;script&gt;"), "the code is escaped")
        #expect(pages[2].contains("&lt;b&gt;{{c}}&lt;/b&gt;"), "the comment is escaped")
        #expect(pages[4].contains("&lt;b&gt;{{c}}&lt;/b&gt;"), "the audit escapes the comment")
        let policy = try await served.client.get("/").header("Content-Security-Policy") ?? ""
        #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "no inline script runs at all")
    }
}
