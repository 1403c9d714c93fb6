import Foundation
import LessonKit
import Testing

@Suite struct TrainingTests {
    @Test(arguments: ["sgd", "adam"])
    func optimizersMinimiseAQuadratic(kind: String) {
        // f(θ) = ‖θ − (3, −2)‖², minimum at (3, −2).
        let theta = Parameter(Tensor([0, 0]))
        var sgd = SGD([theta], learningRate: 0.1, momentum: 0.5)
        var adam = Adam([theta], learningRate: 0.1)
        for _ in 0..<500 {
            let difference = theta.variable() - Variable(Tensor([3, -2]))
            (difference * difference).sum().backward()
            if kind == "sgd" { sgd.step() } else { adam.step() }
        }
        #expect(abs(theta.value.scalars[0] - 3) < 1e-3 && abs(theta.value.scalars[1] + 2) < 1e-3, "\(theta.value)")
    }

    /// A lesson cell's logistic regression, in a few lines: the loss falls and the fit separates the classes.
    @Test func logisticRegressionWithTheTapeAndAdam() {
        var random = SeededGenerator(seed: 12)
        let n = 200
        let x = Tensor(randomNormal: [n, 2], using: &random)
        let y = Tensor(shape: [n, 1], scalars: (0..<n).map { x.scalars[2 * $0] + 2 * x.scalars[2 * $0 + 1] > 0 ? 1 : 0 })
        let w = Parameter(Tensor(repeating: 0, shape: [2, 1])), b = Parameter(Tensor(0))
        var adam = Adam([w, b], learningRate: 0.1)
        var losses: [Double] = []
        for _ in 0..<200 {
            let loss = binaryCrossEntropy(logits: Variable(x).matmul(w.variable()) + b.variable(), targets: Variable(y))
            loss.backward()
            adam.step()
            losses.append(loss.value.scalar)
        }
        #expect(losses.first! > 0.69 && losses.last! < 0.15, "loss from \(losses.first!) to \(losses.last!)")
        #expect(w.value.scalars[1] > w.value.scalars[0] && w.value.scalars[0] > 0, "the direction (1, 2) is learned")
    }
}
