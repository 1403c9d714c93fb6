public import Foundation
public import Gradebook
import Grading
import Hummingbird
import LessonsDriver

/// `lessons grades serve`: the gradebook in the browser, for instructors. Grade by question with rubric items,
/// answer groups, comments and adjustments; an overview; one page per student; anonymous mode. Local and
/// guarded: bound to 127.0.0.1 unless told otherwise, every request needs the access token, every change the
/// CSRF token (``AccessGuard``); every change is versioned and audited in the gradebook.
public struct GradingServer: Sendable {
    /// What to serve and where.
    public struct Configuration: Sendable {
        /// An existing gradebook.
        public var gradebook: URL
        /// The project's `Lessons/` (exercises, points, rubrics).
        public var lessons: URL
        /// The address to bind; anything but loopback only when asked for (`--host`).
        public var host = "127.0.0.1"
        /// 0: any free port (the printed URL names it).
        public var port = 8001
        /// Named in the audit for changes whose page names no grader.
        public var grader = ProcessInfo.processInfo.environment["USER"] ?? "instructor"

        /// A configuration with the defaults above.
        public init(gradebook: URL, lessons: URL) {
            self.gradebook = gradebook
            self.lessons = lessons
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The tokens of this run.
    public let secrets: ServerSecrets
    let state: GradingState

    /// Opens the gradebook (which must exist), reads the lessons, and seeds each written answer's rubric items
    /// from the lesson's rubric (`- 1 point: …`) the first time.
    /// - Throws: ``GradebookError/missing(path:)``.
    public init(configuration: Configuration, secrets: ServerSecrets = ServerSecrets()) throws {
        self.configuration = configuration
        self.secrets = secrets
        let gradebook = try Gradebook(existingAt: configuration.gradebook.path, shownAs: configuration.gradebook.relativePath)
        let catalog = LessonCatalog(lessons: try gradebook.lessons(), folder: configuration.lessons)
        for (lesson, entry) in catalog.lessons {
            for exercise in entry.exercises where exercise.isManual {
                let items = entry.rubrics[exercise.id].map { Rubrics.items(in: $0) } ?? []
                try gradebook.seedRubricItems(lesson: lesson, exercise: exercise.id, items: items)
            }
        }
        state = GradingState(gradebook: gradebook, catalog: catalog, grader: configuration.grader, lessonsFolder: configuration.lessons)
        // The answer groups are built once here (swift-syntax parses every answer), not on the first page opened.
        for (lesson, entry) in catalog.lessons {
            for exercise in entry.exercises where exercise.isManual {
                _ = try state.groups(lesson: lesson, exercise: exercise.id)
            }
        }
    }

    /// Problems with the lessons, to tell the person who started the server.
    public var problems: [String] { state.catalog.problems }

    /// Whether `host` is a loopback address (the only kind bound without `--host`).
    public static func isLoopback(_ host: String) -> Bool { AccessGuard<BasicRequestContext>.isLoopback(host) }

    /// The router: pages, assets and the API, behind ``AccessGuard``.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(AccessGuard(secrets: secrets, loopbackOnly: Self.isLoopback(configuration.host)))
        let state = self.state, csrf = secrets.csrfToken
        router.get("/") { _, _ in Responses.page(try OverviewPage.render(state, csrf: csrf)) }
        router.get("/app.css") { _, _ in Responses.asset(ServerAssets.css, type: "text/css; charset=utf-8") }
        router.get("/app.js") { _, _ in Responses.asset(ServerAssets.javaScript, type: "text/javascript; charset=utf-8") }
        router.get("/grade/:lesson/:exercise") { request, context in
            let lesson = try context.parameters.require("lesson"), exercise = try context.parameters.require("exercise")
            let at = request.uri.queryParameters["at"].flatMap { Int($0) } ?? 0
            guard let page = try QuestionPage.render(state, lesson: lesson, exercise: exercise, at: at, csrf: csrf) else {
                return Responses.text(.notFound, "lesson '\(lesson)' has no written answer '\(exercise)' to grade by hand")
            }
            return Responses.page(page)
        }
        router.get("/audit/:lesson/:exercise") { _, context in
            Responses.page(try AuditPage.render(
                state, lesson: try context.parameters.require("lesson"), exercise: try context.parameters.require("exercise"),
                csrf: csrf))
        }
        router.get("/student/:key") { _, context in
            guard let student = try state.names().byKey[try context.parameters.require("key")] else {
                return Responses.text(.notFound, "no such student")
            }
            return Responses.page(try StudentPage.render(state, student: student, csrf: csrf))
        }
        router.get("/student/:key/feedback/:lesson") { _, context in
            let lesson = try context.parameters.require("lesson")
            guard let student = try state.names().byKey[try context.parameters.require("key")],
                let html = try GradesActions.feedbackPreview(
                    gradebook: state.gradebook, student: student, lesson: lesson, lessons: state.lessonsFolder)
            else { return Responses.text(.notFound, "no graded submission of '\(lesson)' for this student") }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        }
        router.post("/api/grade") { request, _ in await GradingAPI.grade(state, request) }
        router.post("/api/rubric") { request, _ in await GradingAPI.rubric(state, request) }
        router.post("/api/split") { request, _ in await GradingAPI.split(state, request) }
        router.post("/api/anonymous") { request, _ in await GradingAPI.anonymous(state, request) }
        return router
    }

    /// Serves until the task is cancelled (or, through `runService`, until SIGINT/SIGTERM).
    /// - Parameter ready: called once with the URL to open (`http://127.0.0.1:PORT/?token=TOKEN`).
    public func run(handlingSignals: Bool = true, ready: @escaping @Sendable (String) -> Void) async throws {
        let host = configuration.host, token = secrets.accessToken, requested = configuration.port
        let app = Application(
            router: router(), configuration: .init(address: .hostname(host, port: configuration.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requested
                let shown = host.contains(":") ? "[\(host)]" : host
                ready("http://\(shown):\(port)/?token=\(token)")
            })
        if handlingSignals { try await app.runService() } else { try await app.run() }
    }
}
