import SiteRendering

/// The site's page for students, "How exercises work": install, get the copy, run, test, hand in. Every lesson
/// with exercises links to it from its first exercise.
enum StudentGuide {
    /// The page's path in the site, without `.html`.
    static let path = "how-exercises-work"

    /// The page, listed in the outline under "Students".
    static var page: ExtraPage {
        ExtraPage(path: path, markdown: markdown, outlinePart: "Students", outlineChapter: "Exercises")
    }

    static let markdown = """
        ---
        title: How exercises work
        ---

        # How exercises work

        Some lessons end in exercises: cells marked *Exercise* where you write code, followed by *Test* cells
        that check it. You work on your own copy of the lesson, like a notebook, and check it yourself before you
        hand it in.

        ## Install

        You need `lessons` and the Swift it was built with. Install it as your course says (from the `lessons`
        repository: `./install.sh --prefix ~/.local`; the first build takes several minutes, up to about 20 on a
        small machine). `lessons --version` names the Swift it needs; a run with another Swift stops and says
        which is which.

        ## Get your copy

        Your instructor hands out each lesson's *student copy* (made with `lessons release`): the lesson with
        every solution replaced by `// YOUR CODE HERE` and a `fatalError("not implemented yet")`, and a
        `README.md`. Make a folder with a `Lessons/` folder in it and put the lesson (and its `figures/` folder)
        there:

        ```sh
        mkdir -p my-work/Lessons
        cp 01-first-lesson.md my-work/Lessons/
        cp -r figures my-work/Lessons/
        cd my-work
        ```

        ## Work on it

        Replace each `fatalError("not implemented yet")` with your code. Keep the names and types the cell
        declares: the tests call them. Change only exercise cells: every other cell is checked against your
        copy when you hand it in.

        ```sh
        lessons run 01-first-lesson.md                     # every cell that can run; outputs go into the file
        lessons test 01-first-lesson.md --exercise mean    # the points the visible tests of one exercise earn
        lessons test 01-first-lesson.md                    # all exercises
        ```

        `lessons run` says for each exercise: *solved, visible tests pass*; *visible test fails* (with the message
        and the line in your file); or *not done yet*. An exercise you have not done yet costs only its own
        cells: the rest of the lesson still runs. `lessons test` prints the points your visible tests earn of
        those possible and exits with status 0 only when every visible test it ran passes.

        *Hidden tests* are not in your copy (their cells say `// HIDDEN TESTS: run when graded`): they run when
        your work is graded, as do written answers, which are graded by hand. A visible test passing does not
        promise the hidden ones will.

        ## Hand it in

        Submit the lesson file itself, under its own name (`01-first-lesson.md`), as your instructor asks. It is
        graded as `submissions/<your name>/01-first-lesson.md`: your exercise cells run with the course's tests in
        a sandbox, each test is scored on its own, and you get a feedback page with each test's result.
        """
}
