import Testing
@testable import TeXMath
