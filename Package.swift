// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The folder of the swift-syntax the Swift toolchain ships (`usr/lib/swift/host` of the toolchain that builds: the
/// modules' interfaces and their shared libraries, built optimised for the compiler's macro plugins), or nil to build
/// the swift-syntax package instead (another platform, a toolchain without them, or `LESSONS_SWIFT_SYNTAX=package`).
///
/// Highlighting every cell of the site, reading the LessonKit reference and reading submissions for the grader parse
/// Swift. A debug build (`swift run`, the default `./install.sh`) compiles the package without optimisation, which
/// parsed about four times slower than the toolchain's libraries. A release build is the other way round: the package,
/// optimised across its modules, parses about six times faster than the toolchain's libraries (whose every call goes
/// through library evolution's indirections), so `./install.sh --configuration release` and the benchmarks' release
/// builds set `LESSONS_SWIFT_SYNTAX=package`; it costs compiling swift-syntax (most of a release build's time).
/// Switching a `.build` folder from one to the other needs `swift package clean` (the other's modules shadow).
/// `lessons` needs the toolchain anyway: it compiles the cells with it.
let toolchainSwiftSyntax: String? = {
    let environment = ProcessInfo.processInfo.environment
    guard environment["LESSONS_SWIFT_SYNTAX"] != "package" else { return nil }
    #if os(Linux)
    // The toolchain that builds: the one whose PackageDescription library this manifest runs with (another `swiftc`
    // first on PATH would offer interfaces another compiler wrote); else the first `swiftc` on PATH.
    let manifestAPI = "/lib/swift/pm/ManifestAPI/libPackageDescription.so"
    let maps = (try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)) ?? ""
    let building = maps.split(separator: "\n").lazy.compactMap { line -> String? in
        guard let start = line.firstIndex(of: "/"), line.hasSuffix(manifestAPI) else { return nil }
        return String(line[start...].dropLast(manifestAPI.count))
    }.first
    let onPath = (environment["PATH"] ?? "").split(separator: ":").lazy.map { "\($0)/swiftc" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
        .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().path }
    guard let root = building ?? onPath else { return nil }
    let host = root + "/lib/swift/host"
    let complete = ["SwiftSyntax", "SwiftParser", "SwiftIDEUtils"].allSatisfy { module in
        FileManager.default.fileExists(atPath: "\(host)/\(module).swiftmodule")
            && FileManager.default.fileExists(atPath: "\(host)/lib\(module).so")
    }
    return complete ? host : nil
    #else
    return nil
    #endif
}()

/// Settings shared by every target: Swift 6 language mode with upcoming features that keep code honest.
let sharedSwiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // Every module that imports one that imports swift-syntax must find it too.
] + (toolchainSwiftSyntax.map { [.unsafeFlags(["-I", $0])] } ?? [])

/// The targets every command's hot paths run through (parsing lessons, checking them, rendering the site, splitting
/// cells for grading), optimised even in debug builds: `swift run lessons build` and `lessons check` on a long lesson
/// run at release speed while the rest of a debug build stays quick to compile and debug.
let hotPathSwiftSettings = sharedSwiftSettings + [.unsafeFlags(["-O"])]

/// What a target that imports swift-syntax's `modules` needs: the toolchain's (``toolchainSwiftSyntax``) or the
/// package's.
struct SwiftSyntaxUse {
    var dependencies: [Target.Dependency] = []
    var linkerSettings: [LinkerSetting] = []

    init(_ modules: [String]) {
        guard let host = toolchainSwiftSyntax else {
            dependencies = modules.map { .product(name: $0, package: "swift-syntax") }
            return
        }
        linkerSettings = [.unsafeFlags(["-L", host, "-Xlinker", "-rpath", "-Xlinker", host])]
            + modules.map { .linkedLibrary($0) }
    }
}

let parsing = SwiftSyntaxUse(["SwiftParser", "SwiftSyntax"])
let highlighting = SwiftSyntaxUse(["SwiftParser", "SwiftSyntax", "SwiftIDEUtils"])

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lessons", targets: ["lessons"]),
        // Lesson cells link against this dynamic library; the runner finds it next to its own executable.
        .library(name: "LessonKit", type: .dynamic, targets: ["LessonKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
    ] + (toolchainSwiftSyntax == nil ? [.package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.0")] : []),
    targets: [
        // MARK: Markdown through libcmark (only CMarkSupport imports CCmark).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CMarkSupport", dependencies: ["CCmark", "LessonModel"], swiftSettings: hotPathSwiftSettings),

        // MARK: The pipeline: model -> parsing -> execution -> writing -> driver -> executable.
        .target(name: "LessonModel", swiftSettings: hotPathSwiftSettings),
        .target(
            name: "LessonParsing",
            dependencies: ["LessonModel", "CMarkSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: hotPathSwiftSettings
        ),
        .target(
            name: "LessonExecution",
            dependencies: ["LessonModel", "LessonRuntimeProtocol", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: sharedSwiftSettings
        ),
        // The hashes in output markers and whether a lesson's outputs are up to date: a hot path of `lessons run` on
        // a long lesson, kept apart so that the rest of LessonExecution compiles quickly without `-O`.
        .target(
            name: "LessonFingerprint",
            dependencies: ["LessonModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: hotPathSwiftSettings
        ),
        .target(name: "LessonWriting", dependencies: ["LessonModel"], swiftSettings: hotPathSwiftSettings),
        // Writing files safely: atomic writes through symbolic links, output folders owned by a manifest.
        .target(
            name: "FileSafety", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: sharedSwiftSettings
        ),
        .target(
            name: "LessonsDriver",
            dependencies: [
                "LessonModel", "LessonParsing", "LessonExecution", "LessonFingerprint", "LessonWriting", "Grading", "Gradebook",
                "SiteRendering", "FileSafety", "APIReference", .product(name: "Crypto", package: "swift-crypto"),
            ],
            // What ships inside the tool: the site's templates and styles, and the files of a new course.
            resources: [.copy("Resources/site"), .copy("Resources/course")],
            swiftSettings: sharedSwiftSettings
        ),
        // `lessons preview`: the site served on localhost, rebuilt and reloaded on change (Hummingbird).
        .target(
            name: "SitePreview",
            dependencies: ["SiteRendering", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: sharedSwiftSettings
        ),
        // `lessons grades serve`: grading in the browser (Hummingbird), over the gradebook.
        .target(
            name: "GradingServer",
            dependencies: [
                "Gradebook", "Grading", "LessonModel", "LessonParsing", "LessonsDriver", "SiteRendering",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ] + parsing.dependencies,
            swiftSettings: sharedSwiftSettings,
            linkerSettings: parsing.linkerSettings
        ),
        .executableTarget(
            name: "lessons",
            dependencies: [
                "LessonsDriver", "LessonModel", "SitePreview", "GradingServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: sharedSwiftSettings
        ),

        // MARK: Grading: markup, student copies, scoring, gradebook.
        .target(
            name: "Grading",
            dependencies: [
                "LessonModel", "LessonParsing", "LessonExecution", "LessonFingerprint",
                .product(name: "Crypto", package: "swift-crypto"),
            ] + parsing.dependencies,
            swiftSettings: hotPathSwiftSettings,
            linkerSettings: parsing.linkerSettings
        ),

        .target(
            name: "Gradebook",
            dependencies: ["Grading", "FileSafety", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: sharedSwiftSettings
        ),

        // MARK: What lesson cells import.
        // The wire format between a running lesson and the runner, shared by both sides.
        .target(name: "LessonRuntimeProtocol", swiftSettings: sharedSwiftSettings),
        // Matrix products through OpenBLAS (Debian libopenblas-dev); only LessonKit imports it.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // exp, log1p and tanh over arrays, with glibc's vector math library (libmvec) where the processor allows.
        .target(
            name: "CVectorMath",
            cSettings: [.unsafeFlags(["-O2"])],
            linkerSettings: [.linkedLibrary("mvec", .when(platforms: [.linux]))]
        ),
        // Always optimised, also in debug builds: lessons train models with it and must run in seconds.
        .target(
            name: "LessonKit",
            dependencies: ["LessonRuntimeProtocol", "COpenBLAS", "CVectorMath"],
            swiftSettings: sharedSwiftSettings + [.unsafeFlags(["-O"])]
        ),

        // MARK: The LessonKit reference: its public declarations and `///` comments as Markdown pages (swift-syntax).
        .target(
            name: "APIReference",
            dependencies: [
                "LessonModel",
            ] + parsing.dependencies,
            swiftSettings: sharedSwiftSettings,
            linkerSettings: parsing.linkerSettings
        ),

        // MARK: Mathematics: TeX to MathML Core at build time (stands alone).
        .target(name: "TeXMath", swiftSettings: hotPathSwiftSettings),

        // MARK: The static site: lessons with their outputs -> HTML pages, search index, assets.
        .target(
            name: "SiteRendering",
            dependencies: [
                "LessonModel", "LessonParsing", "CMarkSupport", "TeXMath", "Grading", "FileSafety",
                .product(name: "Mustache", package: "swift-mustache"),
            ] + highlighting.dependencies,
            swiftSettings: hotPathSwiftSettings,
            linkerSettings: highlighting.linkerSettings
        ),

        // MARK: Benchmarks (bench/): harnesses timed by bench/runner/bench.py.
        .executableTarget(
            name: "LessonsBench",
            dependencies: [
                "LessonModel", "LessonParsing", "LessonWriting", "LessonExecution", "LessonFingerprint", "Grading", "Gradebook",
                "TeXMath",
            ],
            path: "bench/Sources/LessonsBench",
            swiftSettings: sharedSwiftSettings
        ),
        // `lessons grades serve` on a generated class: server time to open an answer and to save a score (bench/grades-serve).
        .executableTarget(
            name: "GradesServeBench",
            dependencies: ["GradingServer", "Gradebook", "Grading", "TestSupport"],
            path: "bench/Sources/GradesServeBench",
            swiftSettings: sharedSwiftSettings
        ),
        // LessonKit's models side by side with PyTorch (bench/models).
        .executableTarget(
            name: "ModelBench",
            dependencies: ["LessonKit"],
            path: "bench/Sources/ModelBench",
            swiftSettings: sharedSwiftSettings
        ),
        // LessonKit's MCMC and variational inference side by side with NumPy and scikit-learn (bench/inference).
        .executableTarget(
            name: "InferenceBench",
            dependencies: ["LessonKit"],
            path: "bench/Sources/InferenceBench",
            swiftSettings: sharedSwiftSettings
        ),

        // MARK: Tests.
        .target(
            name: "TestSupport",
            dependencies: ["LessonModel"],
            path: "Tests/TestSupport",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(name: "CMarkSupportTests", dependencies: ["CMarkSupport", .product(name: "PropertyBased", package: "swift-property-based")], swiftSettings: sharedSwiftSettings),
        .testTarget(
            name: "LessonParsingTests",
            dependencies: ["LessonParsing", "TestSupport"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LessonWritingTests",
            dependencies: [
                "LessonWriting", "LessonParsing", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LessonExecutionTests",
            dependencies: [
                "LessonExecution", "LessonParsing", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LessonsDriverTests",
            dependencies: [
                "LessonsDriver", "LessonExecution", "LessonFingerprint", "LessonParsing", "TestSupport", "FileSafety",
                "SitePreview", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "GradingTests",
            dependencies: [
                "Grading", "LessonParsing", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LessonKitTests",
            dependencies: [
                "LessonKit", "LessonRuntimeProtocol", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(name: "TeXMathTests", dependencies: ["TeXMath"], swiftSettings: sharedSwiftSettings),
        // Lints over the sources: every public LessonKit declaration has a `///` comment.
        .testTarget(
            name: "DocumentationTests",
            dependencies: [
                "APIReference",
            ] + parsing.dependencies,
            swiftSettings: sharedSwiftSettings,
            linkerSettings: parsing.linkerSettings
        ),
        .testTarget(
            name: "GradingServerTests",
            dependencies: [
                "GradingServer", "Gradebook", "Grading", "LessonsDriver", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "SiteRenderingTests",
            dependencies: ["SiteRendering", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: sharedSwiftSettings
        ),
    ]
)
