import DealqCore
import MCP

/// The server's resources: each deal by id (a template), and the language reference.
enum Resources {
    static let languageURI = "dealq://docs/query-language"
    static let dealPrefix = "dealq://deal/"

    static let list = [
        Resource(name: "query-language", uri: languageURI, title: "The dealq query language",
                 description: "Every verb, filter, option and output of the query language, with examples.",
                 mimeType: "text/markdown", size: LanguageReference.markdown.utf8.count),
    ]

    static let templates = [
        Resource.Template(uriTemplate: dealPrefix + "{id}", name: "deal", title: "One deal",
                          description: "A deal's markdown summary by its id (the id column of deals, the deal column of quotes).",
                          mimeType: "text/markdown"),
    ]

    /// The contents of a resource; an unknown URI or deal id is an invalid-params error.
    static func read(_ uri: String, session: CorpusSession) throws -> ReadResource.Result {
        if uri == languageURI {
            return .init(contents: [.text(LanguageReference.markdown, uri: uri, mimeType: "text/markdown")])
        }
        guard uri.hasPrefix(dealPrefix) else {
            throw MCPError.invalidParams("unknown resource '\(uri)'; the resources are \(languageURI) and \(dealPrefix){id}")
        }
        let encoded = String(uri.dropFirst(dealPrefix.count))
        let id = encoded.removingPercentEncoding ?? encoded
        do {
            let (_, text) = try DealTool.read(id: id, session: session)
            return .init(contents: [.text(text, uri: uri, mimeType: "text/markdown")])
        } catch {
            throw MCPError.invalidParams(error.message)
        }
    }
}
