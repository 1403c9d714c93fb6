/// The short README that `lessons release` writes beside student copies: how to install, where to put the file,
/// how to run and test it, and how to hand it in.
struct StudentReadme {
    /// A released lesson: its file name without `.md`, and its exercises.
    struct Lesson {
        var name: String
        var exercises: [String]
        var writtenAnswers: [String]
    }

    var courseTitle: String
    /// Every lesson released into the folder, in name order.
    var lessons: [Lesson]
    /// Whether the folder holds figures (`figures/`) the copies show.
    var hasFigures: Bool
    /// Whether the folder holds data the lessons read (`Assets/`).
    var hasData: Bool

    /// The README's Markdown.
    var text: String {
        let first = lessons.first?.name ?? "LESSON"
        let exercise = lessons.first?.exercises.first ?? "ID"
        var text = "# \(courseTitle): your copy\n\n"
        text += "The lessons to work on, with their exercises:\n\n"
        for lesson in lessons {
            let exercises = lesson.exercises.map { "`\($0)`" } + lesson.writtenAnswers.map { "`\($0)` (written)" }
            text += "- `\(lesson.name).md`" + (exercises.isEmpty ? "" : ": " + exercises.joined(separator: ", ")) + "\n"
        }
        text += """

            ## Install

            You need `lessons` and the Swift it was built with: install it as the course says (from the `lessons` \
            repository, `./install.sh --prefix ~/.local`; the first build takes several minutes, up to about 20 on a \
            small machine). `lessons --version` names the Swift it needs; a lesson run with another Swift stops and \
            says which is which.

            ## Where to put the files

            Make a folder for your work with a `Lessons/` folder in it, and copy the lessons\(hasFigures ? " and their `figures/` folder" : "") \
            there:

                mkdir -p my-work/Lessons
                cp \(lessons.map { $0.name + ".md" }.joined(separator: " ")) my-work/Lessons/\(hasFigures ? "\n    cp -R figures my-work/Lessons/" : "")\(hasData ? "\n    cp -R Assets my-work/" : "")
                cd my-work

            Lessons run in `my-work/`, so the data they read (`Assets/...`\(hasData ? ", in this folder" : "")) must be there too.

            ## Work on an exercise

            Write your code where the lesson says `// YOUR CODE HERE`, in place of the \
            `fatalError("not implemented yet")` below it. Keep the names and types the cell declares: the tests \
            call them. Change only exercise cells; every other cell is checked against the copy you were given.

                lessons run \(first).md                      # runs every cell it can, writes the outputs into the file
                lessons test \(first).md --exercise \(exercise)    # the points the visible tests of one exercise earn
                lessons test \(first).md                     # all exercises

            `lessons run` says for each exercise: solved (its visible tests pass), a visible test fails (with the \
            message and the line in your file), or not done yet; an exercise not done yet costs only its own cells. \
            `lessons test` exits with status 0 only when every visible test it ran passes. Hidden tests are not in \
            your copy: they run when your work is graded, and written answers are graded by hand.

            ## Hand it in

            Submit the lesson file itself (`Lessons/\(first).md`, under its own name), as your instructor asks. It \
            is graded as `submissions/<your name>/\(first).md`: your exercise cells run with the course's tests, in a \
            sandbox, and you get a feedback page with each test's result.

            """
        return text
    }
}
