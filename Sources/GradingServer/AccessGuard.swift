import Foundation
public import Hummingbird

/// A header's name (HTTPTypes' `HTTPField.Name`, reached through Hummingbird's `HTTPFields`).
typealias FieldName = HTTPFields.Element.Name

/// Every request passes here first. Without the access token (as `?token=` or the cookie it sets) the answer is
/// 401; a state-changing request (any method but GET and HEAD) without the CSRF token in `X-CSRF-Token` is 403;
/// a `Host` header that is not a loopback name is refused while the server is bound to loopback (DNS
/// rebinding). Every answer carries `Server-Timing` (the time spent in the server), `Cache-Control: no-store`
/// and a Content-Security-Policy that allows no inline script.
public struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    let secrets: ServerSecrets
    let loopbackOnly: Bool

    /// The cookie that carries the access token after the first visit.
    static var cookieName: String { "lessons_grades" }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await guarded(request, context: context, next: next)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[FieldName("Server-Timing")!] = "app;dur=" + String(format: "%.3f", milliseconds)
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[FieldName("X-Content-Type-Options")!] = "nosniff"
        response.headers[FieldName("Referrer-Policy")!] = "no-referrer"
        return response
    }

    func guarded(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if loopbackOnly, let host = request.head.authority, !Self.isLoopback(host) {
            return Responses.text(.forbidden, "this server answers only to 127.0.0.1 and localhost")
        }
        if let given = request.uri.queryParameters["token"] {
            guard ServerSecrets.matches(given, secrets.accessToken), request.method == .get else {
                return Responses.text(.unauthorized, "wrong or missing token: open the URL `lessons grades serve` printed")
            }
            // The token moves into a cookie and out of the address bar (and the history).
            var response = Response(status: .seeOther, headers: [.location: request.uri.path])
            response.headers[.setCookie] = "\(Self.cookieName)=\(secrets.accessToken); Path=/; HttpOnly; SameSite=Strict"
            return response
        }
        guard ServerSecrets.matches(request.cookies[Self.cookieName].map { Substring($0.value) }, secrets.accessToken) else {
            return Responses.text(.unauthorized, "wrong or missing token: open the URL `lessons grades serve` printed")
        }
        if request.method != .get && request.method != .head {
            guard ServerSecrets.matches(request.headers[FieldName("X-CSRF-Token")!].map { Substring($0) }, secrets.csrfToken)
            else {
                return Responses.json(.forbidden, ["error": "missing or wrong CSRF token: reload the page and try again"])
            }
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return Responses.text(.notFound, "no such page: \(request.uri.path)")
        } catch {
            return Responses.text(.internalServerError, "the server could not answer: \(error)")
        }
    }

    /// `127.0.0.1:8001`, `localhost`, `[::1]:8001`.
    static func isLoopback(_ authority: String) -> Bool {
        var host = Substring(authority)
        if host.hasPrefix("[") {
            host = host.dropFirst().prefix { $0 != "]" }
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
