import DealqCore

/// `dealq help TOPIC`: the topics of the shell's `.help`, outside the shell. A
/// subcommand's name (`dealq help run`) is left to the command's own help.
enum HelpTopics {
    /// The topic's text and the exit status (2 for an unknown topic), or nil when the arguments are not `help TOPIC`.
    static func answer(_ arguments: [String]) -> (text: String, status: Int32)? {
        guard arguments.count == 2, arguments[0] == "help", !Arguments.subcommandNames.contains(arguments[1]) else { return nil }
        let topic = arguments[1].lowercased()
        return (ShellHelp.text(topic: topic), ShellVocabulary.helpTopics.contains(topic) ? 0 : 2)
    }
}
