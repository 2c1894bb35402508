import Foundation
import Logging
import MCP

/// Stdio, but when the client closes stdin the incoming stream ends only after every
/// request read so far has been answered (or cancelled by the client). Without it a
/// client that writes its requests and closes stdin (`dealq mcp < requests.jsonl`)
/// would lose the answers still being computed when the server stopped.
actor DrainingTransport: Transport {
    private let inner: StdioTransport
    nonisolated let logger: Logger
    /// Ids of requests read and not yet answered, as their JSON text.
    private var unanswered: Set<String> = []
    private var closed = false
    private var finish: (() -> Void)?

    init(_ inner: StdioTransport = StdioTransport()) {
        self.inner = inner
        self.logger = Logger(label: "dealq.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    func connect() async throws { try await inner.connect() }

    func disconnect() async { await inner.disconnect() }

    func send(_ data: Data) async throws {
        try await inner.send(data)
        for id in Self.ids(in: data, ofRequests: false) { unanswered.remove(id) }
        finishIfDrained()
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await data in await inner.receive() {
                        await self.track(data)
                        continuation.yield(data)
                    }
                    await self.close { continuation.finish() }
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func track(_ data: Data) {
        unanswered.formUnion(Self.ids(in: data, ofRequests: true))
        // A request the client cancelled gets no answer.
        if let message = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           message["method"] as? String == "notifications/cancelled",
           let params = message["params"] as? [String: Any], let id = params["requestId"] {
            unanswered.remove(Self.key(id))
        }
    }

    private func close(_ end: @escaping () -> Void) {
        closed = true
        finish = end
        finishIfDrained()
        // A request whose id the server could not read back (say a fractional number) is answered
        // under another id: stop waiting for it after a while rather than never exit.
        Task {
            try? await Task.sleep(for: .seconds(Self.drainLimitSeconds))
            self.forceFinish()
        }
    }

    /// How long answers are awaited after the client closed stdin.
    static let drainLimitSeconds = 120

    private func forceFinish() {
        unanswered.removeAll()
        finishIfDrained()
    }

    private func finishIfDrained() {
        guard closed, unanswered.isEmpty, let end = finish else { return }
        finish = nil
        end()
    }

    /// The ids of the requests (messages with a method and an id) or of the responses
    /// (an id and a result or error) in a message or batch.
    static func ids(in data: Data, ofRequests: Bool) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return [] }
        let messages = (json as? [[String: Any]]) ?? [json as? [String: Any]].compactMap { $0 }
        return messages.compactMap { message in
            guard let id = message["id"], !(id is NSNull) else { return nil }
            let isRequest = message["method"] != nil
            return isRequest == ofRequests ? key(id) : nil
        }
    }

    private static func key(_ id: Any) -> String {
        if let text = id as? String { return "s:" + text }
        if let number = id as? NSNumber { return "n:" + number.stringValue }
        return "?:\(id)"
    }
}
