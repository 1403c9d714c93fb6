/// A second layout of a long display equation for narrow screens: broken before each relation at the top
/// level (`a = b = c` becomes an `aligned` block with one relation per line) and, in a line that is still long,
/// before each top-level `+` or `-`. MathML Core does not break lines, so the page carries both layouts and CSS
/// shows the one that fits (``LessonPageRenderer``).
enum DisplayBreaks {
    /// Displays whose readable text is longer than this many characters get a narrow layout.
    static let longDisplay = 38
    /// A line of the narrow layout longer than this is broken again at `+` and `-`.
    static let longLine = 30
    /// A left-hand side longer than this goes on a line of its own.
    static let longLeftSide = 16

    /// Relation commands (besides `=`, `<`, `>`) a display is broken before.
    static let relations: Set<String> = [
        "le", "leq", "ge", "geq", "approx", "ne", "neq", "equiv", "propto", "sim", "simeq", "coloneqq", "triangleq",
        "ll", "gg", "leqslant", "geqslant",
    ]

    /// The narrow layout of `tex` as TeX (`\begin{aligned}…\end{aligned}`), or `nil` when it has nowhere to break
    /// or is already laid out by the author (an environment, `&` or `\\`). `\label` is left out.
    static func narrow(_ tex: String) -> String? {
        if tex.contains("\\begin{") || tex.contains("&") || tex.contains("\\\\") { return nil }
        let source = removingLabel(tex)
        // Several formulas side by side (`a = b, \qquad c = d`) go one under the other first.
        let statements = split(source, at: .separators).map { piece in
            piece.text.hasPrefix("\\qquad") ? String(piece.text.dropFirst("\\qquad".count))
                : piece.text.hasPrefix("\\quad") ? String(piece.text.dropFirst("\\quad".count)) : piece.text
        }
        let lines = statements.compactMap(lines(of:)).flatMap { $0 }
        guard lines.count > 1 else { return nil }
        return "\\begin{aligned}" + lines.joined(separator: " \\\\ ") + "\\end{aligned}"
    }

    /// The lines of one formula in an `aligned` block: `lhs &= first` and `&= next` or `&\quad + term`.
    static func lines(of statement: String) -> [String]? {
        let pieces = split(statement, at: .relations)
        guard pieces.count > 1 else {
            let terms = split(statement, at: .terms)
            return terms.enumerated().map { $0.offset == 0 ? "&" + $0.element.text : "&\\quad " + $0.element.text }
        }
        var lines: [String] = []
        for (position, piece) in pieces.enumerated() {
            if position == 0 { lines.append(piece.text + " "); continue }
            // `piece.text` starts with its relation: `= b + c`.
            let terms = visibleLength(piece.text) > longLine ? split(piece.text, at: .terms) : [piece]
            for (termPosition, term) in terms.enumerated() {
                lines.append(termPosition == 0 ? "&" + term.text : "&\\quad " + term.text)
            }
        }
        let first = lines.removeFirst()
        // A long left-hand side gets a line of its own, and the relations start under it, indented;
        // otherwise the left-hand side and the first relation share the first line.
        if visibleLength(first) > longLeftSide {
            return ["&" + first.trimmedWhitespace()] + lines.map { "&\\quad " + $0.dropFirst() }
        }
        lines[0] = first + lines[0]
        return lines
    }

    /// Where a formula may break: between formulas (`\qquad`, `\quad`), before relations, before `+`, `-` and
    /// `\cdots` (a long product: `p(x_1)\,p(x_2 \mid x_1) \cdots p(x_D \mid …)`).
    enum BreakPoint { case separators, relations, terms }

    /// `tex` cut before each break point outside braces, brackets and parentheses; each piece after the first
    /// starts with its separator, relation or operator.
    static func split(_ tex: String, at point: BreakPoint) -> [(text: String, start: Int)] {
        let characters = Array(tex)
        let relations = point == .relations
        var cuts: [Int] = []
        var depth = 0, leftDepth = 0
        var index = 0
        var lastSignificant: Character? = nil
        while index < characters.count {
            let character = characters[index]
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            if character == "\\" {
                var end = index + 1
                while end < characters.count, characters[end].isLetter { end += 1 }
                let name = String(characters[(index + 1)..<max(end, index + 1)])
                if name == "left" { leftDepth += 1 }
                if name == "right" { leftDepth -= 1 }
                if relations, depth == 0, leftDepth == 0, Self.relations.contains(name), index > 0 { cuts.append(index) }
                if point == .separators, depth == 0, leftDepth == 0, name == "qquad" || name == "quad", index > 0 { cuts.append(index) }
                if point == .terms, depth == 0, leftDepth == 0, name == "cdots", index > 0 { cuts.append(index) }
                lastSignificant = "a"
                index = max(end, index + 2)
                continue
            }
            if character == "(" || character == "[" { leftDepth += 1 } else if character == ")" || character == "]" { leftDepth -= 1 }
            if depth == 0, leftDepth == 0, index > 0 {
                if relations, character == "=" || character == "<" || character == ">" { cuts.append(index) }
                if point == .terms, character == "+" || character == "-",
                    let before = lastSignificant, !"=([{,<>+-".contains(before)
                {
                    cuts.append(index)
                }
            }
            if !character.isWhitespace { lastSignificant = character }
            index += 1
        }
        var pieces: [(String, Int)] = []
        var start = 0
        for cut in cuts where cut > start {
            pieces.append((String(characters[start..<cut]).trimmedWhitespace(), start))
            start = cut
        }
        pieces.append((String(characters[start...]).trimmedWhitespace(), start))
        return pieces.filter { !$0.0.isEmpty }.map { (text: $0.0, start: $0.1) }
    }

    /// Roughly how many characters `tex` shows: commands count as one, braces and scripts markers as none.
    static func visibleLength(_ tex: String) -> Int {
        var count = 0
        var inCommand = false
        for character in tex {
            if character == "\\" { inCommand = true; count += 1; continue }
            if inCommand { if character.isLetter { continue } else { inCommand = false } }
            if "{}_^ ".contains(character) { continue }
            count += 1
        }
        return count
    }

    static func removingLabel(_ tex: String) -> String {
        guard let start = tex.range(of: "\\label{"), let end = tex[start.upperBound...].firstIndex(of: "}") else { return tex }
        var text = tex
        text.removeSubrange(start.lowerBound...end)
        return text
    }
}

extension String {
    /// The text without whitespace at either end.
    func trimmedWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
