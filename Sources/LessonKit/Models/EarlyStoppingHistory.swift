/// What a training run with early stopping recorded (``AutoregressiveImageModel/trainWithEarlyStopping(on:validation:maxEpochs:patience:minimumImprovement:batchSize:learningRate:weightDecay:using:)``):
/// mean NLL per image (nats) on the training and validation images after each epoch, and the epoch kept.
public struct EarlyStoppingHistory: Sendable {
    /// Mean training NLL over each epoch's minibatches (nats per image).
    public var trainingNLL: [Double] = []
    /// Validation NLL after each epoch (nats per image).
    public var validationNLL: [Double] = []
    /// The epoch (1-based) whose parameters the model keeps: the one with the lowest validation NLL.
    public var bestEpoch = 0
    /// Whether training stopped because the validation NLL had stopped falling (`patience` epochs without a fall
    /// of more than the threshold), not because it reached its epoch limit.
    public var stoppedEarly = false
    /// Wall-clock time of the run, in seconds.
    public var seconds: Double = 0

    /// Epochs trained.
    public var epochs: Int { validationNLL.count }

    /// The learning curves as a line plot, with the kept epoch marked.
    public func plot(title: String) -> LinePlot {
        let epochAxis = Array(1...max(1, trainingNLL.count)).map(Double.init)
        var plot = LinePlot(title: title, xLabel: "epoch", yLabel: "NLL (nats per image)")
            .line(epochAxis, trainingNLL, label: "training")
            .line(Array(epochAxis.prefix(validationNLL.count)), validationNLL, label: "validation", dashed: true)
        if bestEpoch > 0 {
            plot = plot.line([Double(bestEpoch), Double(bestEpoch)], [validationNLL.min() ?? 0, trainingNLL.max() ?? 0],
                label: "epoch kept (\(bestEpoch))", dashed: true)
        }
        return plot
    }
}
