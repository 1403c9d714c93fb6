extension CourseSettings {
    /// Where lesson `name` stands in the outline: its position in reading order and its part's heading.
    /// Nil when there is no outline or it does not list the lesson.
    public func outlinePlace(of name: String) -> (position: Int, part: String?)? {
        guard let outline else { return nil }
        var position = 0
        for part in outline {
            for lesson in part.lessons {
                if lesson.name == name { return (position, part.title) }
                position += 1
            }
        }
        return nil
    }

    /// Problems between the outline and the lessons that exist (named by file name without `.md`, shown as
    /// `displayPaths`): a listed lesson with no file is an error at its line of `lessons.yml`; a lesson file
    /// the outline leaves out is a warning at its first line (it is placed after the listed ones).
    public func outlineProblems(lessons names: [String], displayPaths: [String: String] = [:]) -> [Diagnostic] {
        guard let outline else { return [] }
        let existing = Set(names)
        var problems: [Diagnostic] = []
        var listed = Set<String>()
        for part in outline {
            for lesson in part.lessons {
                listed.insert(lesson.name)
                if !existing.contains(lesson.name) {
                    let known = names.sorted().joined(separator: ", ")
                    problems.append(Diagnostic(
                        .error, "settings.outline-missing",
                        "the outline lists '\(lesson.name)', but there is no Lessons/\(lesson.name).md"
                            + (known.isEmpty ? "" : " (lessons: \(known))"),
                        at: lesson.location))
                }
            }
        }
        for name in names.sorted() where !listed.contains(name) {
            problems.append(Diagnostic(
                .warning, "settings.outline-unlisted",
                "this lesson is not in the outline of \(CourseSettings.fileName); it comes after the listed ones",
                at: SourceLocation(file: displayPaths[name] ?? "Lessons/\(name).md", line: 1, column: 1)))
        }
        return problems
    }
}
