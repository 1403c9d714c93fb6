import Foundation

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten) covering a range.
public enum NiceTicks {
    /// About `count` ticks from at most `low` to at least `high`.
    public static func ticks(low: Double, high: Double, count: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite else { return [0] }
        if low == high { return [low] }
        let step = niceStep((high - low) / Double(max(1, count)))
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = first
        while value <= last + step * 1e-9 && ticks.count < 100 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value = first + Double(ticks.count) * step
        }
        return ticks
    }

    /// The nice step (1, 2, 5 × 10^k) nearest above `raw`.
    public static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}
