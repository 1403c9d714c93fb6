/// The frame of every page: head (styles, script, the CSRF token), a header with the way back to the overview and
/// the anonymous-mode switch, and the page's own content.
enum PageLayout {
    static func page(title: String, csrf: String, anonymous: Bool, content: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="\(csrf)">
        <title>\(title) — grading</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/app.css">
        <script src="/app.js" defer></script>
        </head>
        <body>
        <header><a href="/">Overview</a>
        <button type="button" id="anonymous" data-on="\(anonymous ? "true" : "false")">\(anonymous
            ? "Anonymous: on (show names)" : "Anonymous: off (hide names)")</button></header>
        <p id="message" role="status"></p>
        \(content)
        </body>
        </html>

        """
    }
}
