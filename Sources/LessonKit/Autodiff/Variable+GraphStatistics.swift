// What a computation costs, read off its graph rather than a clock, so that it is the same on every machine:
// how many arithmetic operations it has, how many of them must run one after another, and how many numbers
// they compute.

extension Variable {
    /// Every variable this one depends on, itself included, each once, inputs before the results that use them.
    private var graph: [Variable] {
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>()
        func visit(_ node: Variable) {
            guard visited.insert(ObjectIdentifier(node)).inserted else { return }
            for input in node.inputs { visit(input) }
            order.append(node)
        }
        visit(self)
        return order
    }

    /// The arithmetic operations (not reshapes, gathers or concatenations) on the longest chain from any leaf to
    /// this variable: operations that must wait for one another however many processors run the rest.
    public var sequentialDepth: Int {
        var depth: [ObjectIdentifier: Int] = [:]
        for node in graph {
            let below = node.inputs.map { depth[ObjectIdentifier($0)] ?? 0 }.max() ?? 0
            depth[ObjectIdentifier(node)] = below + (node.backwardRule == nil || node.onlyMovesValues ? 0 : 1)
        }
        return depth[ObjectIdentifier(self)] ?? 0
    }

    /// The number of arithmetic operations (tensor-valued: one matrix product counts once) in the graph.
    public var arithmeticOperationCount: Int {
        graph.filter { $0.backwardRule != nil && !$0.onlyMovesValues }.count
    }

    /// Scalar operations of the forward pass: a multiply-add per term of every matrix product and convolution,
    /// one operation per element of every elementwise result. Unlike wall-clock time, the same on every machine.
    public var scalarOperationCount: Int { graph.reduce(0) { $0 + $1.work } }
}
