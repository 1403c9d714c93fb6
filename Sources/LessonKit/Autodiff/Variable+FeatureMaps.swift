// Rearrangements of feature maps [n, C, H, W], each a ``Variable/gathered(from:)`` with a position map. They
// let recurrent image models (Row LSTM, Diagonal BiLSTM) walk over rows, columns and diagonals.

extension Variable {
    /// Map shape as (n, C, H, W), checked.
    private var mapShape: (n: Int, channels: Int, height: Int, width: Int) {
        precondition(shape.count == 4, "expected a feature map [n, C, H, W], got shape \(shape)")
        return (shape[0], shape[1], shape[2], shape[3])
    }

    /// Applies `source(y, x)` (a position (y′, x′) of this map, or nil for 0) to every position of a new
    /// [n, C, height, width] map.
    private func remapped(height: Int, width: Int, _ source: (Int, Int) -> (Int, Int)?) -> Variable {
        let (n, c, h, w) = mapShape
        let sources: [Int?] = (0..<(height * width)).map { position in
            source(position / width, position % width).map { $0.0 * w + $0.1 }
        }
        return reshaped([n, c, h * w]).gathered(from: sources).reshaped([n, c, height, width])
    }

    /// Row `y` of the map: [n, C, H, W] → [n, C, 1, W].
    public func row(_ y: Int) -> Variable {
        remapped(height: 1, width: mapShape.width) { _, x in (y, x) }
    }

    /// Column `x` of the map: [n, C, H, W] → [n, C, H, 1].
    public func column(_ x: Int) -> Variable {
        remapped(height: mapShape.height, width: 1) { y, _ in (y, x) }
    }

    /// The skew of the Diagonal BiLSTM: row y moves y places right, so that every diagonal of the map becomes a
    /// column. [n, C, H, W] → [n, C, H, W + H − 1], out[y, x + y] = in[y, x], zeros elsewhere.
    public func skewed() -> Variable {
        let (_, _, h, w) = mapShape
        return remapped(height: h, width: w + h - 1) { y, x in (0..<w).contains(x - y) ? (y, x - y) : nil }
    }

    /// Undoes ``skewed()``: [n, C, H, W + H − 1] → [n, C, H, W], out[y, x] = in[y, x + y].
    public func unskewed() -> Variable {
        let (_, _, h, skewedWidth) = mapShape
        return remapped(height: h, width: skewedWidth - h + 1) { y, x in (y, x + y) }
    }

    /// The map mirrored left to right: out[y, x] = in[y, W − 1 − x].
    public func mirrored() -> Variable {
        let (_, _, h, w) = mapShape
        return remapped(height: h, width: w) { y, x in (y, w - 1 - x) }
    }

    /// The map moved down one row, a row of zeros entering at the top: out[y, x] = in[y − 1, x].
    public func shiftedDown() -> Variable {
        let (_, _, h, w) = mapShape
        return remapped(height: h, width: w) { y, x in y > 0 ? (y - 1, x) : nil }
    }

    /// The map cut into `parts` equal groups of channels, in order: [n, C, H, W] → `parts` maps [n, C/parts, H, W]
    /// (an LSTM's four gates computed by one convolution).
    public func splitChannels(into parts: Int) -> [Variable] {
        let (n, c, h, w) = mapShape
        precondition(parts > 0 && c % parts == 0, "splitChannels: \(c) channels do not split into \(parts) equal parts")
        let size = c / parts * h * w
        let flat = reshaped([n, c * h * w])
        return (0..<parts).map { k in
            flat.gathered(from: (k * size..<(k + 1) * size).map { $0 }).reshaped([n, c / parts, h, w])
        }
    }

    /// Joins maps [n, C, H, 1] (columns, left to right) into one map [n, C, H, count].
    public static func joiningColumns(_ columns: [Variable]) -> Variable {
        let (n, c, h) = (columns[0].shape[0], columns[0].shape[1], columns[0].shape[2])
        let stacked = concatenated(columns.map { $0.reshaped([n, c, h]) })  // [n, C, count·H], column-major
        let count = columns.count
        return stacked.gathered(from: (0..<(h * count)).map { ($0 % count) * h + $0 / count }).reshaped([n, c, h, count])
    }

    /// Joins maps [n, C, 1, W] (rows, top to bottom) into one map [n, C, count, W].
    public static func joiningRows(_ rows: [Variable]) -> Variable {
        let (n, c, w) = (rows[0].shape[0], rows[0].shape[1], rows[0].shape[3])
        return concatenated(rows.map { $0.reshaped([n, c, w]) }).reshaped([n, c, rows.count, w])
    }
}
