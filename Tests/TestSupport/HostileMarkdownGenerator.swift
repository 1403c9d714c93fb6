/// Generates lesson files made to break a line-based reader: any line ending on any line (LF, CRLF, lone CR),
/// NUL, ESC and other control bytes, a byte order mark, sometimes invalid UTF-8, fenced blocks inside block
/// quotes, callouts and nested lists, and look-alikes of the runner's own markers, around `{swift}` cells.
public struct HostileMarkdownGenerator {
    public init() {}

    /// A file made from `seed`; the same seed gives the same bytes.
    public func document(seed: UInt64) -> [UInt8] {
        var random = TestRandom(seed: seed)
        var lines: [[UInt8]] = [Array("---".utf8), Array("title: Hostile".utf8), Array("---".utf8), []]
        if random.chance(0.1) { lines[0] = [0xEF, 0xBB, 0xBF] + lines[0] }
        var cellNumber = 0
        for _ in 0..<Int.random(in: 0...10, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1:
                lines += (0..<Int.random(in: 1...3, using: &random)).map { _ in prose(&random) }
            case 2:
                lines += quotedFence(&random)
            case 3:
                lines += listFence(&random)
            case 4:
                lines += markerLookAlikes(&random)
            case 5:
                lines += [Array("<div>".utf8), prose(&random), Array("</div>".utf8)]
            default:
                cellNumber += 1
                lines += cell(&random, number: cellNumber)
            }
            lines.append([])
        }
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            bytes += line
            if index < lines.count - 1 || random.chance(0.7) {
                bytes += random.pick([[0x0A], [0x0A], [0x0D, 0x0A], [0x0D]])
            }
        }
        return bytes
    }

    /// Arbitrary bytes, weighted towards the ones that trouble line-based code; invalid UTF-8 only when asked.
    public static func hostileBytes(_ random: inout TestRandom, count: Int, invalidUTF8: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<count {
            switch Int.random(in: 0..<12, using: &random) {
            case 0: bytes += random.pick([[0x0D], [0x0D, 0x0A], [0x0A], [0x0D, 0x0D]])
            case 1: bytes += [UInt8.random(in: 0...0x1F, using: &random)]
            case 2: bytes += random.pick([[0x00], [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0x7F], [0x09]])
            case 3: bytes += random.pick([Array("```".utf8), Array("~~~".utf8), Array("`".utf8), Array("> ".utf8)])
            case 4: bytes += Array(random.pick(["<!-- lessons:end -->", "<!-- lessons:output id=x hash=1 status=ok -->",
                "<!--value:ab-->", "<!--/value-->", "-->", "<!--"]).utf8)
            case 5: bytes += random.pick([[0xEF, 0xBB, 0xBF], Array("ü λ 🎲".utf8), [0xE2, 0x80, 0xA8]])
            case 6 where invalidUTF8: bytes += random.pick([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F]])
            default: bytes += Array(random.pick(["a", "word ", "x", " ", "%", "\\"]).utf8)
            }
        }
        return bytes
    }

    private func prose(_ random: inout TestRandom) -> [UInt8] {
        var line = Self.hostileBytes(&random, count: Int.random(in: 0...12, using: &random), invalidUTF8: random.chance(0.02))
        if random.chance(0.3) { line += Array(" and `{swift} x\(Int.random(in: 0...3, using: &random))` here".utf8) }
        return line
    }

    private func quotedFence(_ random: inout TestRandom) -> [[UInt8]] {
        var lines = random.chance(0.5) ? [Array("> [!TIP]".utf8), Array(">".utf8)] : []
        let info = random.chance(0.05) ? "{swift}" : random.pick(["sh", "", "swift", "output"])
        lines += [Array("> ```\(info)".utf8), Array("> ".utf8) + prose(&random)]
        if random.chance(0.7) { lines.append(Array("> ```".utf8)) }
        return lines
    }

    private func listFence(_ random: inout TestRandom) -> [[UInt8]] {
        var lines = [Array("- item".utf8), Array("  - nested".utf8), []]
        lines += [Array("    ~~~~python".utf8), Array("    ".utf8) + prose(&random)]
        if random.chance(0.7) { lines.append(Array("    ~~~~".utf8)) }
        return lines
    }

    private func markerLookAlikes(_ random: inout TestRandom) -> [[UInt8]] {
        random.pick([
            [Array("<!-- lessons:output id=old hash=abc status=ok -->".utf8), [], Array("<!-- lessons:end -->".utf8)],
            [Array("<!-- lessons:end -->".utf8)],
            [Array("<!-- lessons:output id=x hash=1 status=weird -->".utf8), Array("<!-- lessons:end -->".utf8)],
            [Array("<!-- lessons:output id=x".utf8)],
            [Array("> <!-- lessons:output id=q hash=1 status=ok -->".utf8), Array("> <!-- lessons:end -->".utf8)],
            [Array("`<!-- lessons:end -->` and <!--value:12-->3<!--/value-->".utf8)],
        ])
    }

    private func cell(_ random: inout TestRandom, number: Int) -> [[UInt8]] {
        let fence = random.pick(["```", "````", "~~~"])
        var lines = [Array("\(fence){swift}".utf8)]
        if random.chance(0.4) { lines.append(Array("//| id: c\(number)".utf8)) }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var line = Self.hostileBytes(&random, count: Int.random(in: 0...8, using: &random), invalidUTF8: false)
            line.removeAll { $0 == 0x60 || $0 == 0x7E }
            lines.append(Array("print(\"".utf8) + line + Array("\")".utf8))
        }
        lines.append(Array(fence.utf8))
        return lines
    }
}
