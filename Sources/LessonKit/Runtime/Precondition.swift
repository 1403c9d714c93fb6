/// LessonKit's own `precondition`: it checks and stops like the standard library's, but its message is printed in
/// every build (the standard library's `precondition` drops the message under `-O`, and LessonKit is always
/// optimised), so a lesson that misuses LessonKit reads why: `Fatal error: Histogram needs at least one bin`.
///
/// Inside LessonKit this shadows `Swift.precondition`; lesson code never sees it.
@inline(__always)
func precondition(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = String(),
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { preconditionFailure(message(), file: file, line: line) }
}

/// LessonKit's own `preconditionFailure`: stops with `file:line: Fatal error: message` in every build (kept out of
/// line, so that a check costs one branch).
@inline(never)
func preconditionFailure(
    _ message: @autoclosure () -> String = String(), file: StaticString = #fileID, line: UInt = #line
) -> Never {
    fatalError(message(), file: file, line: line)
}
