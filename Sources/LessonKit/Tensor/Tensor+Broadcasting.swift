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
            // An axis of size 1 takes the other's size, also 0 (as in NumPy): `max` made [1] and [0] give [1],
            // and the empty side was then read past its end.
            return x == 1 ? y : x
        }
    }

    /// `combine` applied elementwise to `a` and `b`, broadcast to a common shape.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    @inline(__always)  // into +, −, ⊙ and / below: `combine` becomes the operator itself, not a call per element
    public static func broadcast(_ a: Self, _ b: Self, _ combine: (Scalar, Scalar) -> Scalar) -> Self {
        // Every element of the result is written exactly once (`forEachRow` visits each position once), so the
        // storage starts uninitialised instead of zero-filled.
        if a.shape == b.shape {
            let count = a.count
            let result = [Scalar](unsafeUninitializedCapacity: count) { r, initialized in
                a.scalars.withUnsafeBufferPointer { x in b.scalars.withUnsafeBufferPointer { y in
                    for i in 0..<count { r[i] = combine(x[i], y[i]) }
                } }
                initialized = count
            }
            return Self(shape: a.shape, scalars: result)
        }
        let shape = broadcastShape(a.shape, b.shape)
        let stridesA = broadcastStrides(a.shape, rank: shape.count)
        let stridesB = broadcastStrides(b.shape, rank: shape.count)
        let count = shape.reduce(1, *)
        let result = [Scalar](unsafeUninitializedCapacity: count) { r, initialized in
            a.scalars.withUnsafeBufferPointer { x in b.scalars.withUnsafeBufferPointer { y in
                forEachRow(of: shape, strides: stridesA, stridesB) { position, offsetA, offsetB, length, stepA, stepB in
                    // The common rows as loops the compiler vectorises (a bias added along a row: one side constant).
                    if stepA == 1 && stepB == 0 {
                        let constant = y[offsetB]
                        for i in 0..<length { r[position + i] = combine(x[offsetA + i], constant) }
                    } else if stepA == 0 && stepB == 1 {
                        let constant = x[offsetA]
                        for i in 0..<length { r[position + i] = combine(constant, y[offsetB + i]) }
                    } else if stepA == 1 && stepB == 1 {
                        for i in 0..<length { r[position + i] = combine(x[offsetA + i], y[offsetB + i]) }
                    } else {
                        for i in 0..<length { r[position + i] = combine(x[offsetA + i * stepA], y[offsetB + i * stepB]) }
                    }
                }
            } }
            initialized = count
        }
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
                    guard stepTarget == 0 else {
                        for i in 0..<length { r[offsetTarget + i * stepTarget] += source[offsetSource + i * stepSource] }
                        return
                    }
                    // A row summed into one element (a bias's gradient): the same additions in the same order, with
                    // the running sum in a register instead of stored back after each one.
                    var sum = r[offsetTarget]
                    for i in 0..<length { sum += source[offsetSource + i * stepSource] }
                    r[offsetTarget] = sum
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
    @inline(__always)  // into `broadcast` and `summed`: `body` is then their loop, not a call per row
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
        let (stepFirst, stepSecond) = (firsts[sizes.count - 1], seconds[sizes.count - 1])
        // One or two outer groups (a bias over [n, c, w], most broadcasts): plain loops, in the same order as the
        // general walk below, without a multi-index to recompute offsets from and advance at every row.
        switch outer.count {
        case 0:
            body(0, 0, 0, length, stepFirst, stepSecond)
            return
        case 1:
            for row in 0..<rows { body(row * length, row * firsts[0], row * seconds[0], length, stepFirst, stepSecond) }
            return
        case 2:
            var row = 0
            for i in 0..<outer[0] {
                for j in 0..<outer[1] {
                    body(row * length, i * firsts[0] + j * firsts[1], i * seconds[0] + j * seconds[1], length,
                        stepFirst, stepSecond)
                    row += 1
                }
            }
            return
        default:
            break
        }
        var index = [Int](repeating: 0, count: outer.count)
        for row in 0..<rows {
            var offsetFirst = 0, offsetSecond = 0
            for axis in index.indices {
                offsetFirst += index[axis] * firsts[axis]
                offsetSecond += index[axis] * seconds[axis]
            }
            body(row * length, offsetFirst, offsetSecond, length, stepFirst, stepSecond)
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
