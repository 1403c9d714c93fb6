import LessonModel
import Testing

@Suite struct CellOptionTests {
    @Test func readsEveryOption() throws {
        let text = header + """

            ```{swift}
            //| id: fit-model
            //| echo: false
            //| output: false
            //| timeout: 12.5
            //| caption: "Loss: per epoch"
            //| error: true
            //| exercise: ex1
            //| points: 3
            //| manual: true
            //| fold: true
            let x = 1
            ```

            """
        let (lesson, problems) = parse(text)
        #expect(problems.isEmpty, "\(problems)")
        let cell = try #require(lesson?.cells.first)
        #expect(cell.id == "fit-model")
        #expect(cell.options.echo == false)
        #expect(cell.options.output == false)
        #expect(cell.options.timeout == 12.5)
        #expect(cell.options.caption == "Loss: per epoch")
        #expect(cell.options.expectError)
        #expect(cell.options.fold)
        #expect(cell.options.exercise == "ex1")
        #expect(cell.options.points == 3)
        #expect(cell.options.manual)
        #expect(cell.firstSourceLine == 6)
    }

    @Test func idsAreDerivedFromPositionWhenAbsent() throws {
        let text = header + "\n```{swift}\nlet a = 1\n```\n\n```{swift}\n//| id: named\n```\n\n```{swift}\n```\n"
        let cells = try #require(parse(text).0?.cells)
        #expect(cells.map(\.id) == ["cell-1", "named", "cell-3"])
    }

    @Test(arguments: [
        ("//| colour: red", "6:5: error: unknown cell option 'colour' (known: id, echo, output, timeout, caption, error, exercise, test, points, manual, fold)"),
        ("//| echo: maybe", "6:11: error: cell option 'echo' must be true or false, not 'maybe'"),
        ("//| timeout: -3", "6:14: error: cell option 'timeout' must be a number of seconds greater than 0 and at most 86400 (24 hours), not -3"),
        ("//| timeout: 1e308", "6:14: error: cell option 'timeout' must be a number of seconds greater than 0 and at most 86400 (24 hours), not 1e+308"),
        ("//| timeout: .inf", "6:14: error: cell option 'timeout' must be a positive number of seconds, not '.inf'"),
        ("//| points: 1e9", "6:13: error: cell option 'points' must be a number of points at least 0 and at most 10000, not 1000000000"),
        ("//| points: many", "6:13: error: cell option 'points' must be a non-negative number, not 'many'"),
        ("//| id: has space", "6:9: error: cell option 'id' must be a slug of letters, digits, '-' and '_', not 'has space'"),
        ("//| echo", "6:5: error: cell option must have the form '//| key: value'"),
    ])
    func rejectsBadOptions(line: String, expected: String) {
        let text = header + "\n```{swift}\n\(line)\nlet a = 1\n```\n"
        #expect(diagnostics(text) == [expected])
    }

    @Test func duplicateKeysAndIdsPointAtBothPlaces() {
        let text = header + "\n```{swift}\n//| id: a\n//| id: b\n```\n\n```{swift}\n//| id: a\n```\n"
        let problems = parse(text).1
        #expect(problems.map(\.identifier) == ["cell-option.duplicate", "cell.duplicate-id"])
        #expect(problems[0].location.line == 7)
        #expect(problems[0].notes.first?.location.line == 6)
        #expect(problems[1].location.line == 10)
        #expect(problems[1].notes.first?.location.line == 5)
    }

    @Test func optionLinesStopAtTheFirstCodeLine() throws {
        let text = header + "\n```{swift}\nlet a = 1\n//| id: ignored\n```\n"
        let (lesson, problems) = parse(text)
        #expect(problems.isEmpty)
        #expect(lesson?.cells.first?.id == "cell-1")
    }
}
