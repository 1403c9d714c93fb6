import Hummingbird

/// Tells each served file which build it belongs to: `Server-Timing: lessons-build;desc="N"`, which a page reads from
/// its navigation timing (`live-reload.js`) and then waits for a build after N.
///
/// The number is read before the file is: the file is then from build N or a later one, never an earlier one (a
/// rebuild writes its files before it counts itself). So an open page can reload once too often, but never miss a
/// rebuild: asking the counter only once the page had loaded missed the builds that finished in between, and the
/// page kept showing the old text.
struct BuildNumberMiddleware<Context: RequestContext>: RouterMiddleware {
    let counter: BuildCounter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let build = await counter.value
        var response = try await next(request, context)
        response.headers[HTTPFields.Element.Name("Server-Timing")!] = "lessons-build;desc=\"\(build)\""
        return response
    }
}
