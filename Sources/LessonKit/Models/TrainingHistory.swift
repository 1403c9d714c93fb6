/// What a training run recorded: mean negative log-likelihood per image (nats) after each epoch.
public struct TrainingHistory: Sendable {
    /// Mean training NLL over each epoch's minibatches (nats per image).
    public var trainingNLL: [Double] = []
    /// Test NLL after each epoch (empty when no test set was given).
    public var testNLL: [Double] = []
    /// Wall-clock time of the whole run, in seconds.
    public var seconds: Double = 0

    /// How much the test NLL fell over the last `epochs` epochs: the value `epochs` epochs before the end minus the
    /// lowest value since (nats; 0 when it only rose). A plateau is a small improvement.
    public func testImprovement(overLast epochs: Int) -> Double {
        precondition(testNLL.count > epochs, "testImprovement: \(testNLL.count) epochs recorded, need more than \(epochs)")
        let window = testNLL.suffix(epochs + 1)
        return window.first! - window.min()!
    }

    /// The learning curves as a line plot.
    public func plot(title: String) -> LinePlot {
        var plot = LinePlot(title: title, xLabel: "epoch", yLabel: "NLL (nats per image)")
            .line(Array(1...max(1, trainingNLL.count)).map(Double.init), trainingNLL, label: "training")
        if !testNLL.isEmpty { plot = plot.line(Array(1...testNLL.count).map(Double.init), testNLL, label: "test", dashed: true) }
        return plot
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
