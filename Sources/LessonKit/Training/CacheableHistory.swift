/// A training call's record that ``TrainingCache`` can store as numbers and read back exactly.
protocol CacheableHistory {
    /// Every field, as numbers.
    var cacheValues: [[Double]] { get }
    /// The record from ``cacheValues``; nil when they do not have its form.
    init?(cacheValues: [[Double]])
}

extension EarlyStoppingHistory: CacheableHistory {
    var cacheValues: [[Double]] {
        [trainingNLL, validationNLL, [Double(bestEpoch), stoppedEarly ? 1 : 0, seconds]]
    }

    init?(cacheValues values: [[Double]]) {
        guard values.count == 3, values[2].count == 3, let best = Int(exactly: values[2][0]) else { return nil }
        self.init()
        trainingNLL = values[0]
        validationNLL = values[1]
        bestEpoch = best
        stoppedEarly = values[2][1] != 0
        seconds = values[2][2]
    }
}

extension TrainingHistory: CacheableHistory {
    var cacheValues: [[Double]] { [trainingNLL, testNLL, [seconds]] }

    init?(cacheValues values: [[Double]]) {
        guard values.count == 3, values[2].count == 1 else { return nil }
        self.init()
        trainingNLL = values[0]
        testNLL = values[1]
        seconds = values[2][0]
    }
}

/// A VAE's −ELBO per epoch.
struct ELBOHistory: CacheableHistory {
    var values: [Double]
    var cacheValues: [[Double]] { [values] }

    init(_ values: [Double]) { self.values = values }

    init?(cacheValues values: [[Double]]) {
        guard values.count == 1 else { return nil }
        self.values = values[0]
    }
}
