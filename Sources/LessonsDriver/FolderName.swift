/// A student's or a lesson's name as one folder or file name (`lessons feedback` writes
/// `<student>/<lesson>.html`): two different names never share a folder.
///
/// Every byte of the name's UTF-8 outside `[A-Za-z0-9._-]`, and a leading `.`, is percent-encoded (`%` itself
/// too, so the encoding can be read back: it is injective); ordinary names are unchanged. `a x` becomes `a%20x`,
/// `a_x` stays `a_x`, `.x` becomes `%2Ex` (no hidden folders), `../x` becomes `%2E.%2Fx`, `José` becomes
/// `Jos%C3%A9`, and the empty name becomes `%` (a name no other encoding produces).
enum FolderName {
    /// The folder name of `name`.
    static func encode(_ name: String) -> String {
        guard !name.isEmpty else { return "%" }
        var encoded = ""
        for (index, byte) in name.utf8.enumerated() {
            let isPlain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D || (byte == 0x2E && index > 0)
            if isPlain {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append(contentsOf: ["%", hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
        }
        return encoded
    }

    /// The first two of `paths` (made of encoded names) that are the same file on a case-insensitive disk
    /// (macOS, Windows: `Ann/means.html` and `ann/means.html`), as indices, if any. Encoded names are ASCII, so
    /// ASCII case folding is all such a disk does to them; different names never give equal paths.
    static func firstCaseCollision(_ paths: [String]) -> (Int, Int)? {
        var seen: [String: Int] = [:]
        for (index, path) in paths.enumerated() {
            if let first = seen[path.lowercased()] { return (first, index) }
            seen[path.lowercased()] = index
        }
        return nil
    }
}
