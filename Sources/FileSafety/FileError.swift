import Foundation

/// A file-system operation that failed, said the way a person can act on: `path: cannot write (Permission
/// denied)`, never a framework's error dump.
public struct FileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder concerned, as the user named it where possible.
    public var path: String
    /// What was being done, e.g. `cannot write`, `cannot create the folder`.
    public var action: String
    /// Why, in words (the C library's text for `errno`, or a sentence of our own).
    public var reason: String

    /// An error about `path`; `reason` is a sentence.
    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    /// An error about `path` caused by the C error number `code`.
    public init(path: String, action: String, errno code: Int32) {
        self.init(path: path, action: action, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(path): \(action) (\(reason))" }

    /// `error` in the form `path: action (reason)`: a ``FileError`` as it is; a Foundation error is unwrapped to
    /// its POSIX cause and the path it names (else `path`).
    public static func describe(_ error: any Error, path: String, action: String = "cannot write") -> String {
        if let error = error as? FileError { return error.description }
        let nsError = error as NSError
        let named = (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path ?? path
        return FileError(path: named, action: action, reason: reason(of: error)).description
    }

    /// Why `error` happened, in words: a ``FileError``'s reason, the POSIX cause inside a Foundation error (the
    /// C library's text), or the error's own description.
    public static func reason(of error: any Error) -> String {
        if let error = error as? FileError { return error.reason }
        let nsError = error as NSError
        var cause: NSError? = nsError
        while let current = cause {
            if current.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(current.code))) }
            cause = current.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
            case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
            case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
            case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
            case .fileWriteFileExists: return String(cString: strerror(EEXIST))
            default: return "error \(nsError.code) of the file system"
            }
        }
        return String(describing: error)
    }
}
