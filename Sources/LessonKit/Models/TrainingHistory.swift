/// What a training run recorded: mean negative log-likelihood per image (nats) after each epoch.
public struct TrainingHistory: Sendable {
    /// Mean training NLL over each epoch's minibatches (nats per image).
    public var trainingNLL: [Double] = []
    /// Test NLL after each epoch (empty when no test set was given).
    public var testNLL: [Double] = []
    /// Wall-clock time of the whole run, in seconds.
    public var seconds: Double = 0

    /// How much the test NLL fell over the last `epochs` epochs, robust to the noise of single epochs: the mean
    /// test NLL of the `epochs` epochs before them minus the mean of the last `epochs` (nats; negative when it
    /// rose). A plateau is a small value.
    public func testImprovement(overLast epochs: Int) -> Double {
        precondition(epochs > 0 && testNLL.count >= 2 * epochs,
            "testImprovement: \(testNLL.count) epochs recorded, need at least \(2 * epochs)")
        let last = testNLL.suffix(epochs), before = testNLL.dropLast(epochs).suffix(epochs)
        return (before.reduce(0, +) - last.reduce(0, +)) / Double(epochs)
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
