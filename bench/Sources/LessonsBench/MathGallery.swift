import Foundation
import TeXMath

/// One construct of the gallery: its TeX, whether it is display math, and what the browser check measures.
struct GalleryCase {
    var tex: String
    var display: Bool
    /// `fraction`, `scripts`, `underover`, `table` or `box` (only a non-empty box).
    var check: String
}

/// Every construct of issue 6, for the headless-browser layout check (Tests/Browser/math_layout.py).
let galleryCases: [GalleryCase] = [
    GalleryCase(tex: #"\frac{a}{b}"#, display: false, check: "fraction"),
    GalleryCase(tex: #"\frac{1}{1+e^{-x}}"#, display: true, check: "fraction"),
    GalleryCase(tex: #"\dfrac{p(x \mid z)\, p(z)}{p(x)}"#, display: false, check: "fraction"),
    GalleryCase(tex: #"\tfrac{1}{2}"#, display: true, check: "fraction"),
    GalleryCase(tex: #"x_i"#, display: false, check: "scripts"),
    GalleryCase(tex: #"x^2"#, display: false, check: "scripts"),
    GalleryCase(tex: #"x_i^2"#, display: true, check: "scripts"),
    GalleryCase(tex: #"x'^2"#, display: false, check: "scripts"),
    GalleryCase(tex: #"\int_0^1 f(x)\,\mathrm{d}x"#, display: true, check: "scripts"),
    GalleryCase(tex: #"\sum_{i=1}^{n} x_i"#, display: true, check: "underover"),
    GalleryCase(tex: #"\prod_{i=1}^{N} p(x_i \mid x_{<i})"#, display: true, check: "underover"),
    GalleryCase(tex: #"\lim_{n \to \infty} a_n"#, display: true, check: "underover"),
    GalleryCase(tex: #"\argmin_{\theta} \mathcal{L}(\theta)"#, display: true, check: "underover"),
    GalleryCase(tex: #"\max_{x} f(x)"#, display: true, check: "underover"),
    GalleryCase(tex: #"\underbrace{\mathbb{E}_q[\log p(x \mid z)]}_{\text{reconstruction}}"#, display: true, check: "underover"),
    GalleryCase(tex: #"\overbrace{a + b + c}^{\text{three}}"#, display: true, check: "underover"),
    GalleryCase(tex: #"\underset{z \sim q}{\mathbb{E}}"#, display: true, check: "underover"),
    GalleryCase(tex: #"\overset{\text{def}}{=}"#, display: true, check: "underover"),
    GalleryCase(tex: #"\begin{aligned} \log p(x) &= \mathrm{ELBO}(q) + \mathrm{KL}(q \,\|\, p) \\ &\geq \mathrm{ELBO}(q) \end{aligned}"#, display: true, check: "table"),
    GalleryCase(tex: #"\begin{align*} a &= b + c \\ d &= \frac{e}{f} \end{align*}"#, display: true, check: "table"),
    GalleryCase(tex: #"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#, display: true, check: "table"),
    GalleryCase(tex: #"\begin{pmatrix} 1 & -\rho \\ -\rho & 1 \end{pmatrix}"#, display: true, check: "table"),
    GalleryCase(tex: #"\begin{bmatrix} x \\ y \end{bmatrix} \begin{vmatrix} a & b \\ c & d \end{vmatrix} \begin{matrix} 1 & 2 \\ 3 & 4 \end{matrix}"#, display: true, check: "table"),
    GalleryCase(tex: #"\sqrt{x^2 + y^2} + \sqrt[3]{x}"#, display: true, check: "box"),
    GalleryCase(tex: #"\alpha \beta \gamma \varepsilon \vartheta \varphi \varsigma \varrho \varpi \Gamma \Delta \Sigma \Omega"#, display: false, check: "box"),
    GalleryCase(tex: #"\mathbb{R} \mathbb{E} \mathcal{L} \mathcal{N} \mathbf{x} \boldsymbol{\mu} \mathrm{d}x \mathit{ab} \operatorname{softmax}(z) x^\mathsf{T}"#, display: false, check: "box"),
    GalleryCase(tex: #"\log p(x) + \exp(x) + \sin x + \det A + \Pr(A)"#, display: false, check: "box"),
    GalleryCase(tex: #"\left( \frac{a}{b} \right) \left. \frac{df}{dx} \right|_{x=0} \left\langle x \middle| y \right\rangle"#, display: true, check: "box"),
    GalleryCase(tex: #"\big( \Big( \bigg( \Bigg( x \Bigg) \bigg) \Big) \big)"#, display: true, check: "box"),
    GalleryCase(tex: #"\hat{x} \widehat{xy} \tilde{p} \widetilde{AB} \bar{x} \overline{xy} \vec{v} \dot{x} \ddot{x} \underline{x}"#, display: true, check: "box"),
    GalleryCase(tex: #"\text{if } x > 0, \textbf{bold} \quad a\,b\:c\;d\qquad e\!f"#, display: false, check: "box"),
    GalleryCase(tex: #"\leq \geq \neq \approx \propto \sim \simeq \equiv \triangleq \coloneqq \Rightarrow \Leftrightarrow \mapsto \to \parallel \mid \in \notin \subseteq \perp \ll \gg"#, display: false, check: "box"),
    GalleryCase(tex: #"\nabla \partial \infty \dots \cdots \vdots \ddots \|x\| \{x\} \langle x \rangle \cdot \times \pm \odot \otimes \forall \exists \neg \emptyset x^\top"#, display: false, check: "box"),
    GalleryCase(tex: #"\displaystyle \sum_i x_i \quad \textstyle \sum_i x_i"#, display: false, check: "box"),
    GalleryCase(tex: #"\log p(x) = \mathrm{ELBO}(q) + \mathrm{KL}(q \,\|\, p(z \mid x)) \tag{1}"#, display: true, check: "box"),
]

/// An HTML page with every gallery case in `<div class="case" id="case-N">`, converted by `MathMLConverter`.
func mathGalleryPage() throws -> String {
    let converter = MathMLConverter()
    var html = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>TeX to MathML gallery</title>
        <style>body { font-family: serif; max-width: 900px; margin: 1em auto; } math { font-family: "Latin Modern Math", "STIX Two Math", math; font-size: 20px; }
        .case { border-bottom: 1px solid #ddd; padding: 6px 0; } code { color: #666; font-size: 12px; }</style>
        </head><body>

        """
    for (index, item) in galleryCases.enumerated() {
        let rendering = try converter.convert(item.tex, display: item.display)
        let escaped = item.tex.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        html += "<div class=\"case\" id=\"case-\(index)\" data-check=\"\(item.check)\"><code>\(escaped)</code> \(rendering.mathML)</div>\n"
    }
    return html + "</body></html>\n"
}
