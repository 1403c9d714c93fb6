import Foundation
@testable import LessonExecution
import Testing

/// Lesson programs link with `ld.lld` only when the toolchain that compiles them has it beside its `swiftc`
/// (following links to the toolchain's folder); otherwise the driver's default linker is left alone.
@Suite struct ToolchainLinkerTests {
    @Test func lldIsUsedOnlyWhereTheCompilerHasIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolchain-lld-\(UUID().uuidString)")
        let bare = folder.appendingPathComponent("bare"), linked = folder.appendingPathComponent("linked")
        let withLLD = folder.appendingPathComponent("with-lld")
        for directory in [bare, linked, withLLD] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Data("#!/bin/sh\nexit 0\n".utf8)
        for directory in [bare, withLLD] {
            try script.write(to: directory.appendingPathComponent("swiftc"))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.appendingPathComponent("swiftc").path)
        }
        try script.write(to: withLLD.appendingPathComponent("ld.lld"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: withLLD.appendingPathComponent("ld.lld").path)
        // A link elsewhere to the compiler that has lld beside it.
        try FileManager.default.createSymbolicLink(
            at: linked.appendingPathComponent("swiftc"), withDestinationURL: withLLD.appendingPathComponent("swiftc"))

        let location = LessonKitLocation(libraryDirectory: "/l", moduleDirectory: "/m", moduleMaps: [])
        func usesLLD(_ compiler: URL) -> Bool {
            let toolchain = Toolchain(compiler: compiler.path, version: "Swift version 0")
            return SwiftCompiler(toolchain: toolchain, lessonKit: location)
                .arguments(source: "main.swift", executable: "lesson").contains("-use-ld=lld")
        }
        #expect(!usesLLD(bare.appendingPathComponent("swiftc")))
        #expect(usesLLD(withLLD.appendingPathComponent("swiftc")))
        #expect(usesLLD(linked.appendingPathComponent("swiftc")))
    }
}
