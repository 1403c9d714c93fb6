import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small HTTP client for tests and benchmarks of local servers: real requests over loopback (URLSession,
/// no cookie store: cookies are sent only when given), answers as status, headers and text.
public struct HTTPTestClient: Sendable {
    /// One answer.
    public struct Answer: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var text: String

        /// A header, by case-insensitive name.
        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// The server's own time in milliseconds, from `Server-Timing: app;dur=N`.
        public var serverMilliseconds: Double? {
            header("Server-Timing").flatMap { $0.split(separator: "=").last.flatMap { Double($0) } }
        }
    }

    /// E.g. `http://127.0.0.1:8001`.
    public var base: String
    /// Sent as the `Cookie` header when set.
    public var cookie: String?
    private let session: URLSession

    /// A client of the server at `base`.
    public init(base: String, cookie: String? = nil) {
        self.base = base
        self.cookie = cookie
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        // URLSession gives up on a request after 60 s by default. On a machine busier than its cores (CI, tests
        // beside a build at load 12-18) a loopback request to a server in a test process took longer, and the
        // test failed with NSURLErrorDomain -1001 though the server answered correctly. A hung server is still
        // caught: after 10 minutes.
        configuration.timeoutIntervalForRequest = 600
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }

    /// GET `path`.
    public func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, body: nil, headers: headers)
    }

    /// POST `body` (JSON text) to `path`.
    public func post(_ path: String, json body: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("POST", path, body: Data(body.utf8), headers: ["Content-Type": "application/json"].merging(headers) { $1 })
    }

    func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> Answer {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.httpShouldHandleCookies = false
        request.timeoutInterval = 600
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                let http = response as? HTTPURLResponse
                var fields: [String: String] = [:]
                for (name, value) in http?.allHeaderFields ?? [:] { fields["\(name)"] = "\(value)" }
                continuation.resume(returning: Answer(
                    status: http?.statusCode ?? 0, headers: fields, text: String(decoding: data ?? Data(), as: UTF8.self)))
            }.resume()
        }
    }
}

/// Keeps redirects as answers (the token's 303 carries the cookie).
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
