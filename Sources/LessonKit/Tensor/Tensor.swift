/// A tensor of `Double`s: what the autodiff tape (``Variable``) computes with.
public typealias Tensor = TensorOf<Double>
/// A tensor of `Float`s: half the memory and twice the matrix-product throughput of ``Tensor``.
public typealias FloatTensor = TensorOf<Float>

/// A dense array of scalars with a shape, stored row-major: element (i, j) of a 2-D tensor of shape [m, n] is
/// `scalars[i * n + j]`. Values, not references: copying a tensor copies its elements (on write).
public struct TensorOf<Scalar: TensorScalar>: Sendable, Equatable, CustomStringConvertible {
    /// Size along each axis; `[]` is a scalar.
    public private(set) var shape: [Int]
    /// The elements, row-major; `scalars.count == shape.product`.
    public var scalars: [Scalar]

    /// A tensor of `shape` holding `scalars` (row-major).
    public init(shape: [Int], scalars: [Scalar]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative size in shape \(shape)")
        precondition(scalars.count == shape.reduce(1, *), "Tensor: \(scalars.count) scalars do not fill shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of `shape` filled with `value`.
    public init(repeating value: Scalar, shape: [Int]) {
        self.init(shape: shape, scalars: [Scalar](repeating: value, count: shape.reduce(1, *)))
    }

    /// A scalar (shape `[]`).
    public init(_ value: Scalar) { self.init(shape: [], scalars: [value]) }

    /// A vector (shape `[n]`).
    public init(_ vector: [Scalar]) { self.init(shape: [vector.count], scalars: vector) }

    /// A matrix (shape `[rows, columns]`) from rows of equal length.
    public init(_ rows: [[Scalar]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "Tensor: rows of different lengths")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// Independent N(0, standardDeviation²) elements.
    public init<G: RandomNumberGenerator>(randomNormal shape: [Int], standardDeviation: Scalar = 1, using generator: inout G) {
        self.init(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in standardDeviation * Scalar(generator.gaussian()) })
    }

    /// Number of elements.
    public var count: Int { scalars.count }
    /// The single element of a one-element tensor.
    public var scalar: Scalar {
        precondition(scalars.count == 1, "Tensor.scalar: shape \(shape) has \(scalars.count) elements")
        return scalars[0]
    }

    /// The same elements with another shape of the same size.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func reshaped(_ newShape: [Int]) -> Self { Self(shape: newShape, scalars: scalars) }

    /// Elementwise `transform`.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func map(_ transform: (Scalar) -> Scalar) -> Self {
        // Written straight into uninitialised storage: `Array.map` appends one element at a time, and a ReLU's
        // map was a twelfth of a PixelCNN's training step.
        let count = scalars.count
        let result = [Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { source in
                for i in 0..<count { buffer[i] = transform(source[i]) }
            }
            initialized = count
        }
        return Self(shape: shape, scalars: result)
    }

    /// The transpose of a matrix.
    public var transposed: Self {
        precondition(shape.count == 2, "Tensor.transposed needs a matrix, not shape \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        var result = [Scalar](repeating: 0, count: count)
        for i in 0..<rows { for j in 0..<columns { result[j * rows + i] = scalars[i * columns + j] } }
        return Self(shape: [columns, rows], scalars: result)
    }

    /// Swaps the last two axes: [..., m, n] → [..., n, m].
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func transposedLastAxes() -> Self {
        precondition(shape.count >= 2, "Tensor.transposedLastAxes needs two axes, not shape \(shape)")
        let (rows, columns) = (shape[shape.count - 2], shape[shape.count - 1])
        let block = rows * columns
        var result = [Scalar](repeating: 0, count: count)
        for start in stride(from: 0, to: count, by: max(1, block)) {
            for i in 0..<rows { for j in 0..<columns { result[start + j * rows + i] = scalars[start + i * columns + j] } }
        }
        return Self(shape: Array(shape.dropLast(2)) + [columns, rows], scalars: result)
    }

    /// The same elements converted to another scalar type (`Float` ↔ `Double`).
    public func converted<Other: TensorScalar>(to _: Other.Type = Other.self) -> TensorOf<Other> {
        TensorOf<Other>(shape: shape, scalars: scalars.map { Other($0) })
    }

    /// The shape and the first eight scalars.
    public var description: String { "TensorOf<\(Scalar.self)>(shape: \(shape), scalars: \(scalars.prefix(8))\(count > 8 ? "…" : ""))" }
}
