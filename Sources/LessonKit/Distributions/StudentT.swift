import Foundation

/// Student's t with ν degrees of freedom, location μ and scale s.
public struct StudentT: Distribution {
    /// The degrees of freedom ν > 0.
    public var degreesOfFreedom: Double
    /// The location (the median).
    public var location: Double
    /// The scale > 0.
    public var scale: Double

    /// t(ν, μ, s), ν > 0, s > 0.
    public init(degreesOfFreedom: Double, location: Double = 0, scale: Double = 1) {
        precondition(degreesOfFreedom > 0 && scale > 0, "StudentT: ν and the scale must be positive")
        self.degreesOfFreedom = degreesOfFreedom
        self.location = location
        self.scale = scale
    }

    /// μ (for ν > 1).
    public var mean: Double { degreesOfFreedom > 1 ? location : .nan }
    /// s² ν / (ν − 2) (for ν > 2).
    public var variance: Double { degreesOfFreedom > 2 ? scale * scale * degreesOfFreedom / (degreesOfFreedom - 2) : .infinity }
    /// The differential entropy in nats.
    public var entropy: Double {
        let v = degreesOfFreedom
        return (v + 1) / 2 * (Special.digamma((v + 1) / 2) - Special.digamma(v / 2)) + 0.5 * log(v)
            + Special.logBeta(v / 2, 0.5) + log(scale)
    }

    /// Z / √(V/ν) with Z ~ N(0, 1) and V ~ χ²(ν) = Gamma(ν/2, rate ½).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let z = generator.gaussian()
        let v = Gamma(shape: degreesOfFreedom / 2, rate: 0.5).sample(using: &generator)
        return location + scale * z / (v / degreesOfFreedom).squareRoot()
    }

    /// log p(x).
    public func logProb(_ x: Double) -> Double {
        let v = degreesOfFreedom
        let z = (x - location) / scale
        return lgamma((v + 1) / 2) - lgamma(v / 2) - 0.5 * log(v * Double.pi) - log(scale)
            - (v + 1) / 2 * log1p(z * z / v)
    }
}
