import Foundation
@testable import LessonExecution
import Testing

/// A child gets each extra descriptor at 3, 4, ... whatever numbers they had in the parent. When the sources sat
/// where the spawn parks descriptors before moving them (69 and 70 for two), moving one clobbered the other: the
/// child's 4 was the control pipe instead of the program ("bwrap: Can't write data to file /sandbox/lesson: Bad
/// file descriptor", seen under load, when the grader had many descriptors open).
@Suite struct ChildDescriptorTests {
    @Test(arguments: [true, false])
    func extraDescriptorsArriveInOrderWhateverTheirNumbers(inTheParkingRange: Bool) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-fd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("program").path
        try Data("the program\n".utf8).write(to: URL(fileURLWithPath: file))
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let opened = open(file, O_RDONLY | O_CLOEXEC)
        // The lowest free numbers from 69 up (taken atomically, so no other test's descriptor is touched): the
        // program at 69 and the pipe at 70 is the order that clobbered.
        let floor: Int32 = inTheParkingRange ? 69 : 300
        let program = fcntl(opened, F_DUPFD_CLOEXEC, floor)
        let control = fcntl(ends[1], F_DUPFD_CLOEXEC, floor)
        close(opened)
        close(ends[1])
        defer {
            close(program)
            close(ends[0])
        }
        let output = folder.appendingPathComponent("out").path
        let child = try ChildProcess.spawn(
            executable: "/bin/sh", arguments: ["-c", "cat <&4 >&3"], environment: ["PATH": "/usr/bin:/bin"],
            standardOutput: output, standardError: output, extraDescriptors: [control, program])
        close(control)
        #expect(child.wait() == .exited(0), "\((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")")
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "the program\n",
            "program at \(program), control at \(control)")
    }
}
