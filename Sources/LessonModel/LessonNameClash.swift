/// Lesson files whose names are the same text written with different Unicode code points (`é` as one code point
/// in one name, as `e` and a combining accent in the other): a Linux folder holds both, but everything keyed by a
/// lesson's name treats them as one lesson, so their pages, downloads and outputs would overwrite each other (and
/// a Mac's file system cannot hold both). Every command refuses them, naming each file.
public enum LessonNameClash {
    /// The groups of `names` (two or more each, in name order) that are equal as text but not as bytes.
    public static func groups(_ names: [String]) -> [[String]] {
        // Swift's String equality and hashing are canonical equivalence: one key per text, whatever its bytes.
        Dictionary(grouping: names) { $0 }.values
            .map { Array(Set($0.map { Array($0.utf8) })).sorted { $0.lexicographicallyPrecedes($1) } }
            .filter { $0.count > 1 }
            .map { $0.map { String(decoding: $0, as: UTF8.self) } }
            .sorted { $0[0].utf8.lexicographicallyPrecedes($1[0].utf8) }
    }

    /// An error at the first line of each clashing file of folder `folder` (as shown to the user, e.g. `Lessons`).
    public static func diagnostics(_ groups: [[String]], folder: String) -> [Diagnostic] {
        groups.flatMap { group in
            group.map { name in
                let others = group.filter { $0.utf8.elementsEqual(name.utf8) == false }.map(spelled)
                return Diagnostic(
                    .error, "lesson.name-clash",
                    "this lesson's file name, \(spelled(name)), is the same text as \(others.joined(separator: ", ")) "
                        + "written with other Unicode code points: their pages, downloads and outputs would overwrite "
                        + "each other; rename all but one (nothing was done with them)",
                    at: SourceLocation(file: folder + "/" + name, line: 1))
            }
        }
    }

    /// `name` with every non-ASCII code point shown as `\u{…}`, so that two clashing names read differently.
    static func spelled(_ name: String) -> String {
        "'" + name.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }
            .joined() + "'"
    }
}
