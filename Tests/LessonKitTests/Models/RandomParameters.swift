import LessonKit

/// Gives a model's parameters random values so that a check is not about a trivial (uniform) model: weights
/// N(0, 2/fan-in); biases (one axis, or [C, 1, 1]) 0.3 + |N(0, 0.3)|, positive so that no ReLU starts dead
/// (a dead unit hides a dependence that the architecture has, which a context test would report as missing).
func randomiseParameters(of model: some AutoregressiveImageModel, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for parameter in model.parameters {
        let fanIn = Double(max(1, parameter.value.shape.dropFirst().reduce(1, *)))
        let isBias = parameter.value.shape.count == 1 || parameter.value.shape.dropFirst().allSatisfy { $0 == 1 }
        let values = Tensor(randomNormal: parameter.value.shape, standardDeviation: isBias ? 0.3 : (2 / fanIn).squareRoot(),
            using: &generator)
        parameter.value = isBias ? values.map { 0.3 + abs($0) } : values
    }
}
