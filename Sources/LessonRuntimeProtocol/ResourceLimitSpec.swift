/// The resource limits a lesson program applies to itself before its first cell.
///
/// Text form (environment variable ``RuntimeEnvironment/limits``): `cpu=120,as=8589934592,fsize=67108864,nproc=512,nofile=256`.
/// Units: seconds of CPU time, bytes of address space, bytes per written file, processes (threads count), open files.
public struct ResourceLimitSpec: Equatable, Sendable {
    public var cpuSeconds: Int
    public var addressSpaceBytes: Int
    public var fileSizeBytes: Int
    public var processes: Int
    public var openFiles: Int

    /// Creates a limit set.
    public init(cpuSeconds: Int, addressSpaceBytes: Int, fileSizeBytes: Int, processes: Int, openFiles: Int) {
        self.cpuSeconds = cpuSeconds
        self.addressSpaceBytes = addressSpaceBytes
        self.fileSizeBytes = fileSizeBytes
        self.processes = processes
        self.openFiles = openFiles
    }

    /// The text form.
    public var text: String {
        "cpu=\(cpuSeconds),as=\(addressSpaceBytes),fsize=\(fileSizeBytes),nproc=\(processes),nofile=\(openFiles)"
    }

    /// Parses the text form; `nil` if any field is missing or malformed.
    public init?(text: String) {
        var values: [Substring: Int] = [:]
        for field in text.split(separator: ",") {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let value = Int(pair[1]) else { return nil }
            values[pair[0]] = value
        }
        guard let cpu = values["cpu"], let addressSpace = values["as"], let fileSize = values["fsize"],
            let processes = values["nproc"], let openFiles = values["nofile"]
        else { return nil }
        self.init(
            cpuSeconds: cpu, addressSpaceBytes: addressSpace, fileSizeBytes: fileSize, processes: processes,
            openFiles: openFiles)
    }
}
