import SwiftParser
import SwiftSyntax

/// Where a solution region stands in its exercise cell, which decides what its stub may keep.
public enum SolutionContext: Sendable, Equatable {
    /// At the top level of the cell: the region declares names later cells use, so the stub keeps them.
    case topLevel
    /// Inside a body of code (a function, closure, accessor, `if`, loop or `case`): the region is how that code
    /// works, so the stub is the trap alone and keeps nothing of the solution's lines.
    case body
    /// Among the members of a type: the stub keeps member signatures and typed stored properties, with no trap
    /// statement (none may stand there).
    case members

    /// The context of the region whose `// BEGIN SOLUTION` marker is line `markerLine` (from 1) of `cellSource`.
    ///
    /// Decided by the first token after the marker line (the region's first statement, or the brace that closes
    /// an empty region's block): the innermost block around it.
    /// Remembered for the life of the process (``SolutionContextMemo``).
    public static func of(markerLine: Int, inCell cellSource: String) -> SolutionContext {
        SolutionContextMemo.shared.context(markerLine: markerLine, source: cellSource) {
            parsing(markerLine: markerLine, inCell: cellSource)
        }
    }

    /// ``of(markerLine:inCell:)`` without the memo: the cell parsed.
    static func parsing(markerLine: Int, inCell cellSource: String) -> SolutionContext {
        let file = Parser.parse(source: cellSource)
        let converter = SourceLocationConverter(fileName: "cell.swift", tree: file)
        for token in file.tokens(viewMode: .sourceAccurate)
        where converter.location(for: token.positionAfterSkippingLeadingTrivia).line > markerLine {
            return of(token)
        }
        return .topLevel
    }

    private static func of(_ token: TokenSyntax) -> SolutionContext {
        var node = token.parent
        while let current = node {
            if current.is(CodeBlockSyntax.self) || current.is(ClosureExprSyntax.self)
                || current.is(AccessorBlockSyntax.self) || current.is(SwitchCaseSyntax.self)
            {
                return .body
            }
            if current.is(MemberBlockSyntax.self) { return .members }
            if current.is(SourceFileSyntax.self) { return .topLevel }
            node = current.parent
        }
        return .topLevel
    }
}
