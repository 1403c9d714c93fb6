import Foundation
import LessonRuntimeProtocol

/// Trained models kept between runs of the same lesson program, so that a lesson cleared and run again, or the
/// course run cold, does not train everything again.
///
/// `lessons run` names a folder (``RuntimeEnvironment/trainingCache``) and the program
/// (``RuntimeEnvironment/trainingCacheIdentity``: a hash of its whole source, the seed, the toolchain and
/// LessonKit). A training call is reused only when everything it depends on is the same: that program, the
/// model's type, its initial parameters and its outputs on the first training images (which covers masks and
/// whatever else the model was built from), the training images, the hyperparameters and the random number
/// generator's state. An entry holds everything the call changes: the trained parameters, its record, and the
/// generator's state afterwards, so that a reused training leaves the program exactly where training would have
/// (the lesson's outputs are the same bytes). Without the folder (grading, or a program run by hand), with a
/// generator other than ``SeededGenerator``, or when an entry cannot be read, the model trains as usual.
enum TrainingCache {
    /// Runs `train`, or puts back what the same call stored before.
    /// - Parameters:
    ///   - kind: the training function and the model's type.
    ///   - parameters: what training changes.
    ///   - probe: the model's outputs before training on a few inputs (computed only when caching).
    ///   - inputs: every other input of the call (images, hyperparameters).
    static func reuse<G: RandomNumberGenerator, History: CacheableHistory>(
        kind: String, parameters: [Parameter], probe: () -> [Double], inputs: (inout TrainingKey) -> Void,
        generator: inout G, train: (inout G) -> History
    ) -> History {
        let environment = ProcessInfo.processInfo.environment
        guard let folder = environment[RuntimeEnvironment.trainingCache], !folder.isEmpty,
            let identity = environment[RuntimeEnvironment.trainingCacheIdentity], !identity.isEmpty,
            let seeded = generator as? SeededGenerator
        else { return train(&generator) }
        var key = TrainingKey()
        key.add(identity)
        key.add(kind)
        key.add(probe())
        // The probe's graph must leave no trace: the next step starts new leaves, as it would without the cache.
        for parameter in parameters { parameter.startNewGraph() }
        key.add(parameters.count)
        for parameter in parameters {
            key.add(parameter.value.shape.count)
            parameter.value.shape.forEach { key.add($0) }
            key.add(parameter.value.scalars)
        }
        key.add(seeded.state.map { Double(bitPattern: $0) })
        inputs(&key)
        let path = folder + "/" + key.hex + ".training"
        if environment[RuntimeEnvironment.trainingCacheMode] != "refresh",
            let entry = TrainingCacheEntry.read(path), let history = History(cacheValues: entry.history),
            entry.parameters.count == parameters.count,
            zip(entry.parameters, parameters).allSatisfy({ $0.count == $1.value.count }), entry.generator.count == 4
        {
            for (values, parameter) in zip(entry.parameters, parameters) {
                parameter.value = Tensor(shape: parameter.value.shape, scalars: values)
            }
            generator = SeededGenerator(state: entry.generator) as! G
            utimes(path, nil)   // used now: the runner's pruning keeps the entries used last
            return history
        }
        let history = train(&generator)
        let after = (generator as? SeededGenerator)?.state ?? []
        TrainingCacheEntry(parameters: parameters.map(\.value.scalars), history: history.cacheValues, generator: after)
            .write(to: path, in: folder)
        return history
    }
}
