/// Points as `lessons grades export` writes them: whole numbers bare, others with two decimals.
enum PointsText {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let hundredths = Int((abs(value) * 100).rounded())
        let text = "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
        return value < 0 ? "-" + text : text
    }

    /// `+1`, `-0.50`: a rubric item's or an adjustment's points with their sign.
    static func signed(_ value: Double) -> String { value < 0 ? format(value) : "+" + format(value) }
}
