import Foundation

/// Something that updates parameters from their gradients.
public protocol Optimizer {
    /// Applies one update to every parameter, from the gradients of the last `backward()`.
    mutating func step()
}

/// Parameters are variables whose values change between steps; a `Parameter` holds the current one.
public final class Parameter: @unchecked Sendable {
    /// The current value; changing it starts a new leaf for the next graph.
    public var value: Tensor { didSet { startNewGraph() } }
    /// The leaf of the current graph.
    public private(set) var current: Variable?
    /// The leaves of a step whose minibatch is computed in parts on several threads (``GradientShard``), one slot
    /// per part: each thread reads and writes only its own slot.
    private let shardLeaves: UnsafeMutablePointer<Variable?>

    /// A parameter starting at `value`.
    public init(_ value: Tensor) {
        self.value = value
        shardLeaves = .allocate(capacity: GradientShard.count)
        shardLeaves.initialize(repeating: nil, count: GradientShard.count)
    }

    deinit {
        shardLeaves.deinitialize(count: GradientShard.count)
        shardLeaves.deallocate()
    }

    /// This step's leaf: the same variable however often the graph uses the parameter (an unrolled recurrent
    /// network uses its weights at every time step), so its gradient sums every use. While a part of a split
    /// minibatch is computed, that part's own leaf.
    public func variable() -> Variable {
        if let shard = GradientShard.index {
            if let leaf = shardLeaves[shard] { return leaf }
            let leaf = Variable(value, requiresGradient: true)
            shardLeaves[shard] = leaf
            return leaf
        }
        if let current { return current }
        let leaf = Variable(value, requiresGradient: true)
        current = leaf
        return leaf
    }

    /// Forgets this step's leaves: the next ``variable()`` starts a new one, as after a change of ``value``.
    func startNewGraph() {
        current = nil
        for shard in 0..<GradientShard.count { shardLeaves[shard] = nil }
    }

    /// The gradient from the last backward pass (zeros if the parameter was not used): after a step computed in
    /// parts, the parts' gradients in order, then the whole graph's (a penalty on the parameters).
    public var gradient: Tensor {
        var total: Tensor?
        for shard in 0..<GradientShard.count {
            if let part = shardLeaves[shard]?.gradient { total = total.map { $0 + part } ?? part }
        }
        if let whole = current?.gradient { total = total.map { $0 + whole } ?? whole }
        return total ?? Tensor(repeating: 0, shape: value.shape)
    }
}

/// Stochastic gradient descent with momentum: v ← μv + g; θ ← θ − ηv.
public struct SGD: Optimizer {
    /// The step size η.
    public var learningRate: Double
    /// The momentum μ (0: plain gradient descent).
    public var momentum: Double
    let parameters: [Parameter]
    var velocities: [Tensor]

    /// SGD over `parameters`.
    public init(_ parameters: [Parameter], learningRate: Double, momentum: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        velocities = parameters.map { Tensor(repeating: 0, shape: $0.value.shape) }
    }

    /// Updates every parameter from its gradient of the last backward pass.
    public mutating func step() {
        for (index, parameter) in parameters.enumerated() {
            velocities[index] = velocities[index] * Tensor(momentum) + parameter.gradient
            parameter.value = parameter.value - velocities[index] * Tensor(learningRate)
        }
    }
}

/// Adam (Kingma & Ba 2015): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η m̂ / (√v̂ + ε), with bias
/// corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
public struct Adam: Optimizer {
    /// The step size η.
    public var learningRate: Double
    /// The decay β₁ of the first-moment (mean) estimate.
    public var beta1 = 0.9
    /// The decay β₂ of the second-moment estimate.
    public var beta2 = 0.999
    /// Added to √v̂ to avoid dividing by zero.
    public var epsilon = 1e-8
    let parameters: [Parameter]
    var first: [[Double]]
    var second: [[Double]]
    var steps = 0

    /// Adam over `parameters`.
    public init(_ parameters: [Parameter], learningRate: Double = 1e-3) {
        self.parameters = parameters
        self.learningRate = learningRate
        first = parameters.map { [Double](repeating: 0, count: $0.value.count) }
        second = first
    }

    /// Updates every parameter from its gradient of the last backward pass.
    public mutating func step() {
        steps += 1
        let correction1 = 1 - pow(beta1, Double(steps))
        let correction2 = 1 - pow(beta2, Double(steps))
        for (index, parameter) in parameters.enumerated() {
            let gradient = parameter.gradient.scalars
            // Update a local copy and assign once: each assignment to `parameter.value` starts a new leaf.
            var theta = parameter.value
            theta.scalars.withUnsafeMutableBufferPointer { theta in
                first[index].withUnsafeMutableBufferPointer { m in
                    second[index].withUnsafeMutableBufferPointer { v in
                        for k in gradient.indices {
                            m[k] = beta1 * m[k] + (1 - beta1) * gradient[k]
                            v[k] = beta2 * v[k] + (1 - beta2) * gradient[k] * gradient[k]
                            theta[k] -= learningRate * (m[k] / correction1) / ((v[k] / correction2).squareRoot() + epsilon)
                        }
                    }
                }
            }
            parameter.value = theta
        }
    }
}
