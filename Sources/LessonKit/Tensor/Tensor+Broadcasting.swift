// Every generic operation is pre-specialised for Double and Float (`@_specialize`), so callers in
// other files and modules run concrete loops instead of going through generic witnesses element by element.

extension TensorOf {
    /// The shape of `a ∘ b` under NumPy broadcasting: shapes aligned at their trailing axes; sizes equal or 1.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let rank = max(a.count, b.count)
        let paddedA = [Int](repeating: 1, count: rank - a.count) + a
        let paddedB = [Int](repeating: 1, count: rank - b.count) + b
        return zip(paddedA, paddedB).map { x, y in
            precondition(x == y || x == 1 || y == 1, "Tensor: shapes \(a) and \(b) do not broadcast")
            return max(x, y)
        }
    }

    /// `combine` applied elementwise to `a` and `b`, broadcast to a common shape.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static func broadcast(_ a: Self, _ b: Self, _ combine: (Scalar, Scalar) -> Scalar) -> Self {
        if a.shape == b.shape {
            var result = [Scalar](repeating: 0, count: a.count)
            a.scalars.withUnsafeBufferPointer { x in b.scalars.withUnsafeBufferPointer { y in
                result.withUnsafeMutableBufferPointer { r in for i in r.indices { r[i] = combine(x[i], y[i]) } }
            } }
            return Self(shape: a.shape, scalars: result)
        }
        let shape = broadcastShape(a.shape, b.shape)
        let stridesA = broadcastStrides(a.shape, rank: shape.count)
        let stridesB = broadcastStrides(b.shape, rank: shape.count)
        var result = [Scalar](repeating: 0, count: shape.reduce(1, *))
        a.scalars.withUnsafeBufferPointer { x in b.scalars.withUnsafeBufferPointer { y in
            result.withUnsafeMutableBufferPointer { r in
                forEachRow(of: shape, strides: stridesA, stridesB) { position, offsetA, offsetB, length, stepA, stepB in
                    for i in 0..<length { r[position + i] = combine(x[offsetA + i * stepA], y[offsetB + i * stepB]) }
                }
            }
        } }
        return Self(shape: shape, scalars: result)
    }

    /// Sums `self` down to `target` shape: the inverse of broadcasting, used by gradients.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func summed(toShape target: [Int]) -> Self {
        if shape == target { return self }
        var result = [Scalar](repeating: 0, count: target.reduce(1, *))
        let strides = Self.broadcastStrides(target, rank: shape.count)
        let ownStrides = Self.broadcastStrides(shape, rank: shape.count)
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { r in
                Self.forEachRow(of: shape, strides: ownStrides, strides) { _, offsetSource, offsetTarget, length, stepSource, stepTarget in
                    for i in 0..<length { r[offsetTarget + i * stepTarget] += source[offsetSource + i * stepSource] }
                }
            }
        }
        return Self(shape: target, scalars: result)
    }

    /// Calls `body` once per row (all axes but the last) of `shape`, in row-major order, with the row's position
    /// in a tensor of that shape, its offsets under two sets of strides, its length and the two strides of the
    /// last axis: the per-element index arithmetic of broadcasting hoisted out of the inner loop. Neighbouring
    /// axes that both stride sets traverse as one (a bias [C, 1, 1] over [n, C, H, W] is constant across H and W)
    /// are merged first, so rows are as long as possible; the order of the elements is unchanged.
    static func forEachRow(
        of shape: [Int], strides first: [Int], _ second: [Int],
        _ body: (_ position: Int, _ first: Int, _ second: Int, _ length: Int, _ firstStep: Int, _ secondStep: Int) -> Void
    ) {
        // Axes of size 1 move nothing; without them, a scalar (or a single element) is one row of length 1.
        let axes = shape.indices.filter { shape[$0] != 1 }
        guard let innermost = axes.last else { body(0, 0, 0, 1, 0, 0); return }
        // Groups of merged axes, innermost first: each a size and the step of both stride sets within it.
        var (sizes, firsts, seconds) = ([shape[innermost]], [first[innermost]], [second[innermost]])
        for axis in axes.dropLast().reversed() {
            let g = sizes.count - 1
            if first[axis] == firsts[g] * sizes[g] && second[axis] == seconds[g] * sizes[g] {
                sizes[g] *= shape[axis]
            } else {
                sizes.append(shape[axis])
                firsts.append(first[axis])
                seconds.append(second[axis])
            }
        }
        (sizes, firsts, seconds) = (sizes.reversed(), firsts.reversed(), seconds.reversed())
        let length = sizes[sizes.count - 1]
        let outer = Array(sizes.dropLast())
        let rows = outer.reduce(1, *)
        guard rows > 0, length > 0 else { return }
        var index = [Int](repeating: 0, count: outer.count)
        for row in 0..<rows {
            var offsetFirst = 0, offsetSecond = 0
            for axis in index.indices {
                offsetFirst += index[axis] * firsts[axis]
                offsetSecond += index[axis] * seconds[axis]
            }
            body(row * length, offsetFirst, offsetSecond, length, firsts[sizes.count - 1], seconds[sizes.count - 1])
            advance(&index, within: outer)
        }
    }

    /// Steps a multi-index to the next position in row-major order (the last axis fastest).
    static func advance(_ index: inout [Int], within shape: [Int]) {
        var axis = shape.count - 1
        while axis >= 0 {
            index[axis] += 1
            if index[axis] < shape[axis] { return }
            index[axis] = 0
            axis -= 1
        }
    }

    /// Row-major strides of `shape` padded to `rank`, with 0 along axes of size 1 (broadcast axes).
    static func broadcastStrides(_ shape: [Int], rank: Int) -> [Int] {
        let padded = [Int](repeating: 1, count: rank - shape.count) + shape
        var strides = [Int](repeating: 0, count: rank)
        var stride = 1
        for axis in (0..<rank).reversed() {
            strides[axis] = padded[axis] == 1 ? 0 : stride
            stride *= padded[axis]
        }
        return strides
    }

    /// a + b elementwise, broadcast.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static func + (a: Self, b: Self) -> Self { broadcast(a, b, +) }
    /// a − b elementwise, broadcast.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static func - (a: Self, b: Self) -> Self { broadcast(a, b, -) }
    /// a ⊙ b elementwise (Hadamard product), broadcast.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static func * (a: Self, b: Self) -> Self { broadcast(a, b, *) }
    /// a / b elementwise, broadcast.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static func / (a: Self, b: Self) -> Self { broadcast(a, b, /) }
    /// −a elementwise.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public static prefix func - (a: Self) -> Self { a.map { -$0 } }
}
