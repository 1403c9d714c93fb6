import Foundation

/// Keeps the training cache's folder within a size: the entries used longest ago go first (LessonKit touches an
/// entry when it reuses it). Each mutated or edited program trains again and adds entries, so without pruning
/// the folder would only grow.
enum TrainingCachePruning {
    /// The most the folder keeps, in bytes.
    static let limitBytes = 256 << 20

    /// Removes the least recently used entries of `folder` until the rest fit in `limit` bytes; a folder that
    /// cannot be read is left alone.
    static func prune(_ folder: String, limit: Int = limitBytes) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        var entries: [(path: String, used: Date, size: Int)] = []
        for name in names where name.hasSuffix(".training") {
            let path = folder + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                let used = attributes[.modificationDate] as? Date, let size = attributes[.size] as? Int
            else { continue }
            entries.append((path, used, size))
        }
        var total = entries.reduce(0) { $0 + $1.size }
        for entry in entries.sorted(by: { ($0.used, $0.path) < ($1.used, $1.path) }) where total > limit {
            if (try? manager.removeItem(atPath: entry.path)) != nil { total -= entry.size }
        }
    }
}
