import ArgumentParser
import DealqCore
#if canImport(Glibc)
import Glibc
#endif

// The one place that prints errors and exits. Exit statuses:
// 0 success; 1 runtime error or rejected files; 2 usage or query error.
signal(SIGPIPE, SIG_IGN)
do {
    let arguments = Arguments.normalized(Array(CommandLine.arguments.dropFirst()))
    CommonOptions.formatHelp = CommonOptions.formats(for: arguments)
    if let help = HelpTopics.answer(arguments) {
        if help.status == 0 { Output.out(help.text) } else { Output.err("error: " + help.text) }
        throw Exit(status: help.status)
    }
    var command = try Arguments.query(arguments) ?? Dealq.parseAsRoot(arguments)
    try command.run()
} catch let exit as Exit {
    Glibc.exit(exit.status)
} catch {
    let code = Dealq.exitCode(for: error)
    let message = Dealq.fullMessage(for: error)
    if code == .success {
        Output.out(message)
        Glibc.exit(0)
    }
    if !message.isEmpty { Output.err(message) }
    if let hint = Arguments.unknownOptionHint(message) { Output.err("note: " + hint) }
    Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
}
