import Foundation
import TeXMath

/// Realistic formulas for generated pages: fractions, sums with limits, aligned environments, Greek, \mathbb,
/// KL and ELBO identities.
let benchmarkFormulas: [(String, Bool)] = [
    (#"\log p(x) = \mathrm{ELBO}(q) + \mathrm{KL}(q \,\|\, p(z \mid x))"#, false),
    (#"p(x) = \prod_{i=1}^{D} p(x_i \mid x_{<i})"#, false),
    (#"\mathbb{E}_{q(z)}\left[\log \frac{p(x, z)}{q(z)}\right]"#, true),
    (#"\begin{aligned} \log p(x) &= \log \int p(x, z)\, \mathrm{d}z \\ &\geq \mathbb{E}_{q}\left[\log p(x, z) - \log q(z)\right] \end{aligned}"#, true),
    (#"\mu_k = \frac{\sum_{i=1}^n \phi_{ik} x_i}{\sum_{i=1}^n \phi_{ik}}"#, true),
    (#"\sigma^2"#, false),
    (#"\theta^{(t+1)} = \theta^{(t)} - \eta \nabla_\theta \mathcal{L}(\theta)"#, false),
    (#"\mathrm{KL}(q \,\|\, p) = \sum_{z} q(z) \log \frac{q(z)}{p(z)} \geq 0"#, true),
    (#"x \in \mathbb{R}^{d}"#, false),
    (#"\hat{\mu} = \frac{1}{N} \sum_{n=1}^{N} x^{(n)}"#, false),
    (#"\alpha = \min\left(1, \frac{\tilde{p}(x')\, q(x \mid x')}{\tilde{p}(x)\, q(x' \mid x)}\right)"#, true),
    (#"\mathcal{N}(x \mid \mu, \Sigma)"#, false),
    (#"\operatorname{softmax}(z)_c = \frac{e^{z_c}}{\sum_{j} e^{z_j}}"#, false),
    (#"q^*(z_j) \propto \exp\left(\mathbb{E}_{-j}\left[\log p(x, z)\right]\right)"#, true),
    (#"\Lambda = \frac{1}{1-\rho^2}\begin{pmatrix} 1 & -\rho \\ -\rho & 1 \end{pmatrix}"#, true),
    (#"\varepsilon \sim \mathcal{N}(0, I)"#, false),
    (#"z = \mu + \sigma \odot \varepsilon"#, false),
    (#"\nabla_\phi \mathbb{E}_{q_\phi}[f(z)] \approx \frac{1}{S} \sum_{s=1}^{S} \nabla_\phi f(g_\phi(\varepsilon_s))"#, true),
    (#"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#, true),
    (#"\underbrace{\mathbb{E}_q[\log p(x \mid z)]}_{\text{reconstruction}} - \underbrace{\mathrm{KL}(q(z) \,\|\, p(z))}_{\text{regularizer}}"#, true),
]

/// A generated page: prose, inline and display math, a code block with dollars that are not math.
func generatedMathPage(index: Int, spans: Int) -> String {
    var page = "---\ntitle: Page \(index)\n---\n\n# Page \(index)\n\n"
    for span in 0..<spans {
        let (tex, display) = benchmarkFormulas[(index + span) % benchmarkFormulas.count]
        if display {
            page += "The identity\n\n$$\n\(tex)\n$$\n\nholds for every *q* but costs $5 to check.\n\n"
        } else {
            page += "Here $\(tex)$ and `let price = \"$3\"` appear in one *sentence*.\n\n"
        }
        if span % 7 == 0 { page += "```swift\nprint(\"$x$\")\n```\n\n" }
    }
    return page
}

/// Times scanning and converting all math in `pages` generated pages of 20 spans each, `repetitions` times,
/// and prints each run and the median.
func runMathBenchmark(pages: Int, repetitions: Int) throws {
    let documents = (0..<pages).map { generatedMathPage(index: $0, spans: 20) }
    var times: [Double] = []
    var spanCount = 0, bytes = 0
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        spanCount = 0
        bytes = 0
        for document in documents {
            let converter = MathMLConverter()
            for span in try MathSpanScanner.spans(in: document) {
                bytes += try converter.convert(span.tex, display: span.display).mathML.utf8.count
                spanCount += 1
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        times.append(elapsed)
        print(String(format: "%.3f s", elapsed))
    }
    precondition(spanCount == pages * 20, "the generated pages must hold 20 math spans each")
    let median = times.sorted()[times.count / 2]
    print(String(format: "math: %d pages, %d spans, %.1f MB of MathML: median %.3f s", pages, spanCount, Double(bytes) / 1e6, median))
}
