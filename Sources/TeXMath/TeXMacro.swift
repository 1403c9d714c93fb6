/// A macro declared by a lesson (`\newcommand{\KL}[2]{\mathrm{KL}(#1 \,\|\, #2)}`): its parameter count and body.
///
/// A use `\KL{q}{p}` is replaced by the body with `#1`…`#9` replaced by the arguments (a braced group or a
/// single token each). Errors inside an expanded body are reported at the position of the macro's use.
public struct TeXMacro: Hashable, Sendable {
    /// How many arguments the macro takes (0–9).
    public let parameterCount: Int
    /// The replacement TeX, with `#1`…`#9` for the arguments.
    public let body: String

    /// Creates a macro with an explicit parameter count.
    public init(parameterCount: Int, body: String) {
        self.parameterCount = parameterCount
        self.body = body
    }

    /// Creates a macro whose parameter count is the highest `#n` in `body` (the front-matter form `KL: "..."`).
    public init(body: String) {
        var highest = 0
        let bytes = Array(body.utf8)
        for index in bytes.indices.dropLast() where bytes[index] == UInt8(ascii: "#") {
            let next = bytes[index + 1]
            if next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9") {
                highest = max(highest, Int(next - UInt8(ascii: "0")))
            }
        }
        self.init(parameterCount: highest, body: body)
    }
}
