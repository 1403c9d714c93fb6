import LessonKit

/// Gives a model's parameters random values, N(0, 2/fan-in), so that a check is not about a trivial (uniform)
/// model and no unit saturates; biases (one axis, or [C, 1, 1]) get a small spread so that no ReLU starts dead.
func randomiseParameters(of model: some AutoregressiveImageModel, seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for parameter in model.parameters {
        let fanIn = Double(max(1, parameter.value.shape.dropFirst().reduce(1, *)))
        let isBias = parameter.value.shape.count == 1 || parameter.value.shape.dropFirst().allSatisfy { $0 == 1 }
        parameter.value = Tensor(randomNormal: parameter.value.shape,
            standardDeviation: isBias ? 0.3 : (2 / fanIn).squareRoot(), using: &generator)
    }
}
