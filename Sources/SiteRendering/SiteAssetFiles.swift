import Foundation

/// The site's templates and static files, file by file: a course's own `Assets/site/` first, then the built-in
/// ones that ship with `lessons`. A course file replaces the built-in file of the same name; the rest stay built in.
struct SiteAssetFiles {
    /// One file chosen for the site.
    struct File {
        /// The name inside its folder, e.g. `page.mustache`.
        var name: String
        /// Where it is read from.
        var url: URL
        /// How diagnostics show it: `Assets/site/templates/page.mustache`, or the built-in path.
        var shownAs: String
    }

    /// The folders to look in, first match wins, with how each is shown.
    let layers: [(directory: URL, shownAs: String)]

    /// The course's folder over the built-in one (when there is one).
    init(course: URL, builtIn: URL?) {
        var layers = [(course, "Assets/site")]
        if let builtIn { layers.append((builtIn, "built-in site files (\(builtIn.path))")) }
        self.layers = layers
    }

    /// The regular files of `subfolder` (`templates` or `static`) and its folders (`static/fonts/`) over all
    /// layers, by path inside `subfolder`, sorted; names starting with `.` are left out.
    func files(in subfolder: String) -> [File] {
        var chosen: [String: File] = [:]
        for layer in layers.reversed() {
            let directory = layer.directory.appendingPathComponent(subfolder)
            for name in FileManager.default.subpaths(atPath: directory.path) ?? []
            where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDirectory: ObjCBool = false
                let url = directory.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                chosen[name] = File(name: name, url: url, shownAs: "\(layer.shownAs)/\(subfolder)/\(name)")
            }
        }
        return chosen.values.sorted { $0.name < $1.name }
    }
}
