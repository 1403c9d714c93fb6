import PropertyBased
import Testing

@testable import LessonExecution

/// A program numbered by a ``ProgramLineMap`` reports its lines back as the lesson's, whatever the regions' sizes
/// and places, and rewriting a report touches only the lesson's own `file:line` pairs.
@Suite struct ProgramLineMapPropertyTests {
    /// Regions in lesson order: each starts some lines after the previous one ends (prose, outputs, fences).
    static let regions = Gen.int(in: 1...40).array(of: 1...30).map { sizes in sizes.map { $0 } }

    @Test func everyLineOfEveryRegionMapsToItsLessonLine() async {
        await propertyCheck(count: 300, input: Self.regions, Gen.int(in: 0...500).array(of: 30)) { sizes, gaps in
            var map = ProgramLineMap()
            var lessonLine = 1
            var expected: [(program: Int, lesson: Int)] = []
            for (index, size) in sizes.enumerated() {
                lessonLine += gaps[index % gaps.count] + 1
                let start = map.add(lessonLine: lessonLine, lineCount: size)
                for offset in 0..<size { expected.append((start + offset, lessonLine + offset)) }
                lessonLine += size
            }
            for (program, lesson) in expected {
                #expect(map.lessonLine(of: program) == lesson)
            }
            // Lines of the lesson itself (below the base) are never taken for program lines.
            #expect(map.lessonLine(of: 1) == nil && map.lessonLine(of: ProgramLineMap.base - 1) == nil)
            #expect(Set(expected.map(\.program)).count == expected.count, "no two lesson lines share a program line")
        }
    }

    @Test func rewritingChangesOnlyTheLessonsOwnLocations() async {
        let file = "Lessons/04-elbo.md"
        await propertyCheck(count: 300, input: Self.regions, Gen.int(in: 0...4).array(of: 1...12), Gen.int(in: 0...3_000)) {
            sizes, kinds, seed in
            var map = ProgramLineMap()
            var lessonLine = 10
            var starts: [(Int, Int)] = []
            for size in sizes {
                starts.append((map.add(lessonLine: lessonLine, lineCount: size), lessonLine))
                lessonLine += size + 7
            }
            // A report mixing the lesson's program lines with lines that must stay: another file's, small numbers,
            // a longer file name that ends like the lesson's, and text in between.
            var text = "", expected = ""
            for (position, kind) in kinds.enumerated() {
                let (start, lesson) = starts[(seed + position) % starts.count]
                let offset = (seed * 7 + position) % max(sizes[(seed + position) % sizes.count], 1)
                switch kind {
                case 0:
                    text += "\(file):\(start + offset):7: error: x\n"
                    expected += "\(file):\(lesson + offset):7: error: x\n"
                case 1:
                    text += "frame at \(file):\(start + offset)\n"
                    expected += "frame at \(file):\(lesson + offset)\n"
                case 2:
                    text += "Swift/Array.swift:\(start + offset): é\n"
                    expected += "Swift/Array.swift:\(start + offset): é\n"
                case 3:
                    text += "\(file):\(position + 3): Fatal error\n"
                    expected += "\(file):\(position + 3): Fatal error\n"
                default:
                    text += "x\(file)x:\(start):"
                    expected += "x\(file)x:\(start):"
                }
            }
            #expect(map.rewritingLines(in: text, files: [file]) == expected)
        }
    }
}
