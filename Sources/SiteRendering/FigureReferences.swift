/// `@fig:<cell id>` in a lesson's prose: a link to the first figure that cell draws, "Figure N".
enum FigureReferences {
    /// A reference and the prose line it is on.
    struct Reference: Equatable {
        var cell: String
        var line: Int
    }

    /// `prose` with each reference replaced by the placeholder `LESSONSFIGREF<n>X`, and the references in order.
    static func extract(from prose: String) -> (String, [Reference]) {
        var result = ""
        var references: [Reference] = []
        var line = 1
        var index = prose.startIndex
        while index < prose.endIndex {
            if prose[index...].hasPrefix("@fig:") {
                let idStart = prose.index(index, offsetBy: 5)
                var idEnd = idStart
                while idEnd < prose.endIndex, prose[idEnd].isASCII, prose[idEnd].isLetter || prose[idEnd].isNumber || prose[idEnd] == "-" || prose[idEnd] == "_" {
                    idEnd = prose.index(after: idEnd)
                }
                // A trailing '-' or '_' is punctuation, not part of the id.
                while idEnd > idStart, prose[prose.index(before: idEnd)] == "-" || prose[prose.index(before: idEnd)] == "_" {
                    idEnd = prose.index(before: idEnd)
                }
                if idEnd > idStart {
                    result += "LESSONSFIGREF\(references.count)X"
                    references.append(Reference(cell: String(prose[idStart..<idEnd]), line: line))
                    index = idEnd
                    continue
                }
            }
            if prose[index] == "\n" { line += 1 }
            result.append(prose[index])
            index = prose.index(after: index)
        }
        return (result, references)
    }
}
