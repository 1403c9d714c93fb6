/// Generates lesson documents with everything the runner must leave untouched: math with `\{` and `\\`,
/// HTML blocks, `~~~` and longer fences, tabs, CRLF line endings, non-ASCII text, plain `swift` blocks, and
/// `{swift}` cells with options, inline `{swift}` expressions; sometimes no final newline.
public struct MarkdownDocumentGenerator {
    public init() {}

    /// A document made from `seed`; the same seed gives the same document.
    public func document(seed: UInt64) -> String {
        var random = TestRandom(seed: seed)
        let eol = random.chance(0.25) ? "\r\n" : "\n"
        var lines = ["---", "title: \(random.pick(["Generated", "Ünïcödé — λ", "\"ELBO: a \\\"quote\\\"\""]))", "seed: \(seed % 1000)", "---", ""]
        let blockCount = Int.random(in: 0...12, using: &random)
        var cellNumber = 0
        for _ in 0..<blockCount {
            switch Int.random(in: 0..<9, using: &random) {
            case 0, 1:
                lines += paragraph(&random)
            case 2:
                lines += ["$$", "\\log p(x) = \\mathrm{ELBO}(q) + \\mathrm{KL}\\left(q \\,\\|\\, p(z \\mid x)\\right) \\\\", "\\{ a \\}", "$$"]
            case 3:
                lines += ["<div class=\"note\">", "\tTabbed <b>HTML</b> & more", "</div>"]
            case 4:
                let fence = random.pick(["~~~", "````", "~~~~~"])
                lines += [fence + " swift", "let s = \"```\"", "print(s)\t// tab", fence]
            case 5:
                lines += ["```swift", "// shown, never run", "let x = 1", "```"]
            case 6:
                lines += ["- item with `code $x$` and $y_{j}$", "  - nested ünïcode ✓", ""]
            default:
                cellNumber += 1
                lines += cell(&random, number: cellNumber)
            }
            lines.append("")
        }
        if random.chance(0.5) {
            cellNumber += 1
            lines += cell(&random, number: cellNumber)
        }
        var text = lines.joined(separator: eol)
        if random.chance(0.7) { text += eol }
        return text
    }

    private func paragraph(_ random: inout TestRandom) -> [String] {
        let pieces = [
            "The chain rule gives $p(x) = \\prod_i p(x_i \\mid x_{<i})$ and $x_{i-1}$.",
            "Braces \\{ and \\} and a line break \\\\ survive.",
            "Naïve café — 日本語 — emoji 🎲 and trailing spaces   ",
            "A dollar \\$5 and `inline code` with <span>html</span>.",
            "\tA tab-indented line becomes code.",
            "The NLL is `{swift} nll` nats, and `{swift} \"ü\" + s` reads ``{swift} a`b``.",
            "Not an expression: `{swift}x` and ` {swift} y `.",
        ]
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(pieces) }
    }

    private func cell(_ random: inout TestRandom, number: Int) -> [String] {
        var lines = [random.chance(0.2) ? "````{swift}" : "```{swift}"]
        if random.chance(0.5) { lines.append("//| id: generated-\(number)") }
        if random.chance(0.3) { lines.append("//| echo: false") }
        if random.chance(0.3) { lines.append("//| caption: \"A figure: λ\"") }
        lines += (0..<Int.random(in: 0...4, using: &random)).map { _ in
            random.pick(["let v\(number) = \(number)", "print(\"héllo ```\")", "\t// tab comment", "show(1.5)"])
        }
        lines.append(lines[0].hasPrefix("````") ? "````" : "```")
        return lines
    }
}
