import Foundation

/// A small class: an instructor's lesson with two auto-graded exercises and one written answer, and the
/// submissions every grader meets (correct, partial, empty, broken, crashing, looping, tampering).
public enum FixtureClass {
    public static let instructor = """
        ---
        title: Means and variances
        seed: 3
        ---

        <!-- BEGIN INSTRUCTOR -->
        Common mistake: dividing by n - 1.
        <!-- END INSTRUCTOR -->

        ```{swift}
        //| exercise: mean
        func mean(_ xs: [Double]) -> Double {
            // BEGIN SOLUTION
            xs.reduce(0, +) / Double(xs.count)
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: mean
        //| points: 1
        //| timeout: 3
        Swift.precondition(abs(mean([1, 2, 3]) - 2) < 1e-9, "mean of [1, 2, 3] should be 2")
        ```

        ```{swift}
        //| test: mean
        //| points: 2
        //| timeout: 3
        // BEGIN HIDDEN TESTS
        Swift.precondition(abs(mean([-4, 4, 9]) - 3) < 1e-9, "hidden: mean of [-4, 4, 9] should be 3")
        // END HIDDEN TESTS
        ```

        ```{swift}
        //| exercise: variance
        func variance(_ xs: [Double]) -> Double {
            // BEGIN SOLUTION
            let m = xs.reduce(0, +) / Double(xs.count)
            return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: variance
        //| points: 1
        //| timeout: 3
        Swift.precondition(abs(variance([1, 3]) - 1) < 1e-9, "variance of [1, 3] should be 1")
        ```

        ```{swift}
        //| test: variance
        //| points: 1
        //| timeout: 3
        // BEGIN HIDDEN TESTS
        Swift.precondition(abs(variance([2, 2, 2]) - 0) < 1e-9, "hidden: variance of a constant should be 0")
        // END HIDDEN TESTS
        ```

        ```{swift}
        //| exercise: explain
        //| manual: true
        //| points: 2
        // Why does the sample variance divide by n here?
        ```

        <!-- BEGIN INSTRUCTOR -->
        Rubric for `explain` (2 points):
        - 1 point: dividing by n gives the maximum-likelihood estimate.
        - 1 point: dividing by n - 1 would make it unbiased.
        <!-- END INSTRUCTOR -->

        """

    public static let correctMean = "xs.reduce(0, +) / Double(xs.count)"
    public static let correctVariance = "let m = xs.reduce(0, +) / Double(xs.count)\nreturn xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)"

    /// The released copy with the two exercise bodies filled in.
    public static func submission(released: String, mean: String?, variance: String?) -> String {
        var text = released
        if let mean {
            text = text.replacingFirst("""
                func mean(_ xs: [Double]) -> Double {
                    // YOUR CODE HERE
                    fatalError("not implemented yet")
                }
                """, with: "func mean(_ xs: [Double]) -> Double {\n    \(mean.replacingFirst("\n", with: "\n    "))\n}")
        }
        if let variance {
            text = text.replacingFirst("""
                func variance(_ xs: [Double]) -> Double {
                    // YOUR CODE HERE
                    fatalError("not implemented yet")
                }
                """, with: "func variance(_ xs: [Double]) -> Double {\n    \(variance.replacingFirst("\n", with: "\n    "))\n}")
        }
        return text
    }
}

extension String {
    public func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
