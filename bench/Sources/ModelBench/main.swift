// LessonKit's models timed for bench/models/bench.py, side by side with the same models in PyTorch:
//   ModelBench fvsbn-step STEPS          times STEPS training steps of the FVSBN (64×64 masked linear layer,
//                                        forward + backward + Adam on a batch of 100); prints seconds per step;
//   ModelBench fvsbn-train EPOCHS        trains the FVSBN on the canonical split; prints epoch time and test NLL;
//   ModelBench train MODEL EPOCHS        trains fvsbn|nade|pixelcnn|gated|rowlstm; prints time and test NLL.
import Foundation
import LessonKit

// As a lesson program starts: LessonKit's runtime settings (the allocator's thresholds) apply here too.
LessonRuntime.start()
let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first else {
    FileHandle.standardError.write(Data("usage: ModelBench fvsbn-step STEPS | fvsbn-train EPOCHS | train MODEL EPOCHS\n".utf8))
    exit(2)
}
let digits = try Digits.load().binarized().split()
let train = digits.train.images, test = digits.test.images
var generator = SeededGenerator(seed: 1)
let clock = ContinuousClock()

/// A model size from the environment (for exploring sizes), or its default.
func option(_ name: String, _ fallback: Int) -> Int { ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback }

func seconds(_ duration: Duration) -> Double { Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18 }

switch command {
case "fvsbn-step":
    let steps = Int(arguments.dropFirst().first ?? "") ?? 200
    let model = FVSBN(pixelCount: 64)
    var adam = Adam(model.parameters, learningRate: 1e-2)
    let batch = Variable(Tensor(Array(train.prefix(100))))
    func step() {
        let loss = binaryCrossEntropy(logits: model.logits(batch), targets: batch)
        loss.backward()
        adam.step()
    }
    for _ in 0..<20 { step() }  // warm-up
    let started = clock.now
    for _ in 0..<steps { step() }
    print("seconds_per_step", seconds(clock.now - started) / Double(steps))
case "fvsbn-train", "train":
    let name = command == "train" ? String(arguments.dropFirst().first ?? "fvsbn") : "fvsbn"
    let epochs = Int(arguments.dropFirst(command == "train" ? 2 : 1).first ?? "") ?? 30
    let model: any AutoregressiveImageModel
    switch name {
    case "fvsbn": model = FVSBN(pixelCount: 64)
    case "pixelcnn":
        model = PixelCNN(channels: option("CHANNELS", 16), firstKernelSize: option("FIRST", 5), layers: option("LAYERS", 3), using: &generator)
    case "made": model = MADE(pixelCount: 64, hiddenUnits: option("HIDDEN", 128), using: &generator)
    case "rowlstm": model = RowLSTM(hiddenChannels: option("CHANNELS", 16), inputKernelSize: option("INPUT", 5), using: &generator)
    case "diagonal":
        model = DiagonalBiLSTM(hiddenChannels: option("CHANNELS", 16), inputKernelSize: option("INPUT", 5), using: &generator)
    case "gated":
        model = GatedPixelCNN(channels: option("CHANNELS", 16), kernelSize: option("KERNEL", 3), layers: option("LAYERS", 4), using: &generator)
    default: fatalError("unknown model \(name)")
    }
    let decay = name == "fvsbn" ? 1e-4 : 0
    let history = model.train(on: train, test: name == "fvsbn" ? [] : test, epochs: epochs, batchSize: 100,
        learningRate: Double(ProcessInfo.processInfo.environment["LR"] ?? "") ?? 1e-2, weightDecay: decay, using: &generator)
    if !history.testNLL.isEmpty { print("test_curve", history.testNLL.map { String(format: "%.2f", $0) }.joined(separator: ",")) }
    print("epoch_seconds", history.seconds / Double(epochs))
    print("train_nll", history.trainingNLL.last ?? .nan)
    print("test_nll", model.negativeLogLikelihood(test))
default:
    FileHandle.standardError.write(Data("ModelBench: unknown command \(command)\n".utf8))
    exit(2)
}
