internal import CVectorMath

/// exp, log1p and tanh over whole arrays: four elements at a time with glibc's vector math library where the
/// processor has AVX2 and FMA (within 4 ulp), one at a time with libm elsewhere. One machine always takes the same
/// path, so its results are the same bits on every run.
enum VectorMath {
    /// eˣ of every element.
    static func exp(_ x: [Double]) -> [Double] { apply(x, lessons_vector_exp) }

    /// log(1 + x) of every element.
    static func log1p(_ x: [Double]) -> [Double] { apply(x, lessons_vector_log1p) }

    /// tanh of every element.
    static func tanh(_ x: [Double]) -> [Double] { apply(x, lessons_vector_tanh) }

    /// Whether the vector path is in use on this machine.
    static var isVectorised: Bool { lessons_vector_math_is_vectorised() != 0 }

    private static func apply(
        _ x: [Double], _ function: (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void
    ) -> [Double] {
        guard !x.isEmpty else { return [] }
        return [Double](unsafeUninitializedCapacity: x.count) { result, initialized in
            x.withUnsafeBufferPointer { source in function(source.baseAddress, result.baseAddress, x.count) }
            initialized = x.count
        }
    }
}
