import Foundation

// dealq-gen: writes a deterministic, realistic corpus of deal summaries.
// Exit status: 0 on success, 1 when a file or folder cannot be written, 2 on bad usage.

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data(("dealq-gen: error: " + message + "\n").utf8))
    exit(status)
}

switch Arguments.parse(Array(CommandLine.arguments.dropFirst())) {
case .help:
    print(Arguments.usage)
case .error(let message):
    FileHandle.standardError.write(Data(("dealq-gen: error: " + message + "\n\n" + Arguments.usage + "\n").utf8))
    exit(2)
case .run(let args):
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        try Generator(count: args.count, seed: args.seed, root: args.out).run()
    } catch {
        fail("\(error)", status: 1)
    }
    if !args.quiet {
        let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let msg = "dealq-gen: wrote \(args.count) deals to \(args.out) in \(String(format: "%.2f", secs)) s\n"
        FileHandle.standardError.write(Data(msg.utf8))
    }
}
