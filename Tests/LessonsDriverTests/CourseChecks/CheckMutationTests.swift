import Foundation
import Testing

/// Issue 16, item 6: every `check` in the course can fail. A check that holds by construction (the checked
/// quantity equals the expected one whatever the code computes) is caught by mutating the code upstream of it:
/// each check outside test cells has a ``CheckMutation`` that must make the run fail at the check's line. The
/// checks of test cells are failed by the wrong answers of ``ExerciseWrongAnswerTests``; the derivation steps
/// of `04-elbo.md` by ``DerivationMutationTests``; ``UnmutatedCheck/course`` lists the rest, with the reason.
///
/// Each mutation runs alone, in a copy of its lesson cut after the cell of its check (nothing later can make
/// it fail). With `LESSONS_MUTATIONS_BATCHED=1` one run of a lesson applies one mutation per cell (a failed
/// check does not stop the lesson); a check then fails with the other cells' mutations applied too, which
/// proves it is not vacuous but attributes less exactly. The lessons of ``wholeLessonBatches`` (02, whose
/// training cells take about 2 minutes, so that a run per mutation would re-train for each late check) always
/// run once, with all their mutations applied: their mutations are chosen to fail their checks alone as well,
/// and those of the training cells cut the training short, so the one run is fast.
/// `LESSONS_MUTATIONS_WHOLE_LESSONS=0` runs them like the others instead, to check that each fails alone (slow:
/// 02's 22 runs took 11 minutes here, and each failed its check).
@Suite struct CheckMutationTests {
    /// Which of the three kinds of coverage a check line has.
    enum Coverage: Equatable {
        case mutation, wrongAnswer, derivation, unmutated
    }

    /// The coverage of every check line of every lesson; fails for lines with none or with a stale table entry.
    static func coverage() throws -> [String: [Int: Coverage]] {
        var result: [String: [Int: Coverage]] = [:]
        let gradedExercises = Set(ExerciseCase.course.map(\.testDescription))
        for name in CourseLesson.all {
            let lesson = try CourseLesson(name)
            let lines = lesson.lines
            var lessonCoverage: [Int: Coverage] = [:]
            for line in lesson.checkLines {
                let text = lines[line - 1]
                if let test = lesson.cell(holding: line)?.options.test, gradedExercises.contains("\(name) \(test)") {
                    lessonCoverage[line] = .wrongAnswer
                } else if name == "04-elbo.md", text.contains(".step(\"= ") {
                    lessonCoverage[line] = .derivation
                } else if CheckMutation.course.contains(where: { $0.lesson == name && text.contains($0.check) }) {
                    lessonCoverage[line] = .mutation
                } else if UnmutatedCheck.course.contains(where: { $0.lesson == name && text.contains($0.check) }) {
                    lessonCoverage[line] = .unmutated
                }
            }
            result[name] = lessonCoverage
        }
        return result
    }

    /// Every check of the course is covered, and every table entry names exactly one check line and (for a
    /// mutation) text found exactly once in its lesson, on one line.
    @Test func everyCheckIsCovered() throws {
        let coverage = try Self.coverage()
        for name in CourseLesson.all {
            let lesson = try CourseLesson(name)
            let uncovered = lesson.checkLines.filter { coverage[name]?[$0] == nil }
            #expect(uncovered.isEmpty, "checks of \(name) with no mutation, wrong answer or listed reason, at lines \(uncovered)")
            let lines = lesson.lines
            for mutation in CheckMutation.course where mutation.lesson == name {
                let matches = lesson.checkLines.filter { lines[$0 - 1].contains(mutation.check) }
                #expect(matches.count == 1, "'\(mutation.check)' names \(matches.count) check lines of \(name)")
                #expect(lesson.text.components(separatedBy: mutation.find).count == 2,
                    "'\(mutation.find)' should occur exactly once in \(name)")
                #expect(!mutation.find.contains("\n") && !mutation.replace.contains("\n"))
            }
            for unmutated in UnmutatedCheck.course where unmutated.lesson == name {
                #expect(lesson.checkLines.filter { lines[$0 - 1].contains(unmutated.check) }.count == 1,
                    "'\(unmutated.check)' names one check line of \(name)")
            }
        }
        let counts = coverage.values.flatMap(\.values).reduce(into: [String: Int]()) { $0["\($1)", default: 0] += 1 }
        print("checks in Lessons/ by coverage: \(counts.sorted { $0.key < $1.key })")
    }

    /// One batch of mutations of one lesson: one mutation, or (batched) at most one per cell.
    struct Batch: CustomTestStringConvertible, Sendable {
        let lesson: String
        let mutations: [CheckMutation]
        var testDescription: String { "\(lesson) (\(mutations.count) mutations)" }
    }

    /// Lessons whose mutations all run in one batch, whatever `LESSONS_MUTATIONS_BATCHED` says: a run of 02 cut
    /// after a late check re-trains every model before it (about 100 s), once per mutation.
    static let wholeLessonBatches: Set<String> = ["02-autoregressive-models.md"]

    /// The batches: one per mutation, or (batched) the k-th mutation in file order of every cell of a lesson, or
    /// (``wholeLessonBatches``) every mutation of the lesson.
    static var batches: [Batch] {
        let oneByOne = ProcessInfo.processInfo.environment["LESSONS_MUTATIONS_BATCHED"] != "1"
        var batches: [Batch] = []
        for name in Set(CheckMutation.course.map(\.lesson)).sorted() {
            guard let lesson = try? CourseLesson(name) else { continue }
            let lines = lesson.lines
            func checkLine(_ m: CheckMutation) -> Int { lesson.checkLines.first { lines[$0 - 1].contains(m.check) } ?? 0 }
            let mutations = CheckMutation.course.filter { $0.lesson == name }.sorted { checkLine($0) < checkLine($1) }
            if wholeLessonBatches.contains(name), ProcessInfo.processInfo.environment["LESSONS_MUTATIONS_WHOLE_LESSONS"] != "0" {
                batches.append(Batch(lesson: name, mutations: mutations))
                continue
            }
            if oneByOne {
                batches += mutations.map { Batch(lesson: name, mutations: [$0]) }
                continue
            }
            var rounds: [[CheckMutation]] = []
            var seen: [Int: Int] = [:]   // cell index -> mutations already placed
            for mutation in mutations {
                let cell = lesson.cell(holding: checkLine(mutation))?.index ?? -1
                let round = seen[cell, default: 0]
                seen[cell] = round + 1
                if rounds.count <= round { rounds.append([]) }
                rounds[round].append(mutation)
            }
            batches += rounds.map { Batch(lesson: name, mutations: $0) }
        }
        return batches
    }

    @Test(arguments: batches)
    func eachMutationFailsItsCheck(_ batch: Batch) throws {
        let lesson = try CourseLesson(batch.lesson)
        var lines = lesson.lines
        var targets: [(mutation: CheckMutation, line: Int)] = []
        var applied: Set<[String]> = []   // an edit shared by two mutations of a batch is made once
        for mutation in batch.mutations {
            let checkLine = try #require(lesson.checkLines.first { lines[$0 - 1].contains(mutation.check) })
            if applied.insert([mutation.find, mutation.replace]).inserted {
                let findLine = try #require(lines.firstIndex { $0.contains(mutation.find) },
                    "'\(mutation.find)' is not in \(batch.lesson) once the batch's earlier mutations are made")
                lines[findLine] = lines[findLine].replacingOccurrences(of: mutation.find, with: mutation.replace)
            }
            targets.append((mutation, checkLine))
        }
        // Cut the lesson after the last targeted cell: nothing after it can make those checks fail.
        let lastCell = try #require(targets.compactMap { lesson.cell(holding: $0.line) }.max { $0.index < $1.index })
        let text = lines.prefix(lastCell.closingFenceLine).joined(separator: "\n") + "\n"
        let run = try ScratchRun(text, name: batch.lesson)
        for target in targets {
            #expect(run.failedLineTexts.contains { $0.contains(target.mutation.check) },
                "\(batch.lesson):\(target.line): the check '\(target.mutation.check)' did not fail when '\(target.mutation.find)' became '\(target.mutation.replace)'\n\(run.result.standardError.suffix(3000))")
        }
        print("\(batch.testDescription): \(String(format: "%.1f", run.seconds)) s, cut after line \(lastCell.closingFenceLine)")
    }
}
