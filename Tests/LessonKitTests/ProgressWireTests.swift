import LessonRuntimeProtocol
import PropertyBased
import Testing

/// A progress report crosses the control pipe as one line whatever its label holds, and reads back as it was sent;
/// its bar always has the bar's width.
@Suite struct ProgressWireTests {
    static let token = "5eed70ce"

    @Test func anyReportReadsBackAsItWasSent() async {
        let labels = Gen.character(in: "\u{0}"..."\u{2600}").string(of: 0...120)
        await propertyCheck(
            count: 500, input: labels, Gen.int(in: -5...200), Gen.int(in: -5...200), Gen.int(in: 0...10_000)
        ) { label, completed, total, cell in
            let update = ProgressUpdate(completed: completed, total: total, label: label, unit: label)
            let line = ControlEvent.progress(cell: cell, update).line(token: Self.token)
            #expect(line.last == "\n" && line.dropLast().allSatisfy { !$0.isNewline }, "one line: \(line.debugDescription)")
            #expect(ControlEvent(line: line.dropLast(), token: Self.token) == .progress(cell: cell, update))
            #expect(ControlEvent(line: line.dropLast(), token: "forged") == nil)
            #expect(update.label.unicodeScalars.allSatisfy { ![.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) })
            #expect(update.label.count <= ProgressUpdate.maximumLabelLength && !update.unit.contains(" "))
            #expect((1...).contains(update.total) && (0...update.total).contains(update.completed))
        }
    }

    @Test func theBarHasItsWidthAndGrowsWithTheWorkDone() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...500), Gen.int(in: 1...40)) { total, width in
            var filled = -1
            for completed in 0...total {
                let bar = ProgressBarText.bar(ProgressUpdate(completed: completed, total: total, label: ""), width: width)
                #expect(bar.count == width)
                let full = bar.filter { $0 == "█" }.count
                #expect(full >= filled, "the bar never shrinks")
                filled = full
            }
            #expect(filled == width, "a finished bar is full")
        }
    }

    @Test func theFinalLineDependsOnlyOnTheCounts() {
        let update = ProgressUpdate(completed: 42, total: 80, label: "training PixelCNN", unit: "epochs")
        #expect(ProgressBarText.line(update) == "training PixelCNN ▕██████████▌         ▏ 42/80 epochs")
        #expect(ProgressBarText.line(ProgressUpdate(completed: 3, total: 3, label: "", unit: "")) == "▕████████████████████▏ 3/3")
    }
}
