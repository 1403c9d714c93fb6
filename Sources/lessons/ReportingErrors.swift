import ArgumentParser
import Foundation

/// Runs `body`; an error it throws is printed as `error: <message>` (the error's own description, never a
/// framework dump) and the command exits with status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        FileHandle.standardError.write(Data("error: \(String(describing: error))\n".utf8))
        throw ExitCode(1)
    }
}
