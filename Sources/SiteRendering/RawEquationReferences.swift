/// `\eqref{key}` written in prose outside `$…$`: Markdown shows it as raw text, so the build warns about it.
///
/// Fenced code blocks and code spans (an odd number of backticks before it on its line) are left alone, since a
/// lesson may show the syntax itself.
enum RawEquationReferences {
    /// Each raw reference in `prose` outside `math` (UTF-8 byte ranges of its math spans): its 1-based line and key.
    static func find(in prose: String, math: [Range<Int>]) -> [(line: Int, key: String)] {
        var found: [(line: Int, key: String)] = []
        var fence: Substring?
        var lineStart = 0
        for (index, line) in prose.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { lineStart += line.utf8.count + 1 }
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                continue
            }
            var rest = line[...]
            while let start = rest.range(of: "\\eqref{") {
                let before = line[line.startIndex..<start.lowerBound]
                let offset = lineStart + before.utf8.count
                let key = rest[start.upperBound...].prefix { $0 != "}" }
                if before.filter({ $0 == "`" }).count % 2 == 0, !math.contains(where: { $0.contains(offset) }) {
                    found.append((index + 1, String(key)))
                }
                rest = rest[start.upperBound...]
            }
        }
        return found
    }
}
