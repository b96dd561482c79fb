// The one driver every fuzz harness shares.
//
// Built with -DFUZZING and -sanitize=fuzzer (see Fuzz/run.sh) a harness is a libFuzzer binary:
// `FuzzDriver.main` hands its check to libFuzzer's own driver. Built normally, the same harness
// replays the files and directories named on its command line through the same check, which is
// how `make test` keeps every crash a fuzzer ever found fixed.
import Glibc

/// Runs one harness: libFuzzer's loop when built for fuzzing, a corpus replay otherwise.
public enum FuzzDriver {
    /// The check of the running harness; libFuzzer calls back through a C function, which
    /// cannot capture, so the check is kept here.
    nonisolated(unsafe) static var check: ((UnsafeRawBufferPointer) -> Void)?

    /// Never returns: exits with libFuzzer's status, or 0 after replaying every input
    /// (2 when an input cannot be read).
    public static func main(name: String, _ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        check = body
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        var files: [String] = []
        for argument in CommandLine.arguments.dropFirst() { files += FileList.expand(argument) }
        for file in files {
            guard let bytes = FileList.read(file) else {
                print("\(name): cannot read \(file)")
                exit(2)
            }
            bytes.withUnsafeBytes { body($0) }
        }
        print("\(name): replayed \(files.count) inputs without a crash")
        exit(0)
        #endif
    }
}

#if FUZZING
/// libFuzzer's driver, called from the harness's own `main` because SwiftPM owns the entry point.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The entry point libFuzzer's runtime expects to find.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.check?(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#endif

/// Reads replay inputs: files, or every regular file in a directory.
public enum FileList {
    public static func expand(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [path] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            out.append(path + "/" + name)
        }
        return out.sorted()
    }

    public static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }
}
