/// Hand-checked conversions: Numbers, identifiers, scripts, primes, fractions and roots.
/// Each pair is (TeX, the MathML inside `<semantics>` for inline math).
enum ScriptsAndFractions {
    static let cases: [(String, String)] = [
        (#"x"#, #"<mi>x</mi>"#),
        (#"xy"#, #"<mrow><mi>x</mi><mi>y</mi></mrow>"#),
        (#"x+1"#, #"<mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>"#),
        (#"a-b"#, #"<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"#),
        (#"0.19"#, #"<mn>0.19</mn>"#),
        (#"3.14x"#, #"<mrow><mn>3.14</mn><mi>x</mi></mrow>"#),
        (#"2x^2"#, #"<mrow><mn>2</mn><msup><mi>x</mi><mn>2</mn></msup></mrow>"#),
        (#"x_i"#, #"<msub><mi>x</mi><mi>i</mi></msub>"#),
        (#"x^2"#, #"<msup><mi>x</mi><mn>2</mn></msup>"#),
        (#"x_i^2"#, #"<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"#),
        (#"x^{2}_{i}"#, #"<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"#),
        (#"x_{i,j}"#, #"<msub><mi>x</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></msub>"#),
        (#"x^{n+1}"#, #"<msup><mi>x</mi><mrow><mi>n</mi><mo lspace="0em" rspace="0em">+</mo><mn>1</mn></mrow></msup>"#),
        (#"x'"#, #"<msup><mi>x</mi><mo>′</mo></msup>"#),
        (#"x''"#, #"<msup><mi>x</mi><mo>″</mo></msup>"#),
        (#"x'^2"#, #"<msup><mi>x</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>"#),
        (#"x'_i"#, #"<msubsup><mi>x</mi><mi>i</mi><mo>′</mo></msubsup>"#),
        (#"f'(x)"#, #"<mrow><msup><mi>f</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"e^{-x^2/2}"#, #"<msup><mi>e</mi><mrow><mo form="prefix" lspace="0em" rspace="0em">−</mo><msup><mi>x</mi><mn>2</mn></msup><mo lspace="0em" rspace="0em" stretchy="false">/</mo><mn>2</mn></mrow></msup>"#),
        (#"\frac{a}{b}"#, #"<mfrac><mi>a</mi><mi>b</mi></mfrac>"#),
        (#"\frac12"#, #"<mfrac><mn>1</mn><mn>2</mn></mfrac>"#),
        (#"\frac{1}{1+e^{-x}}"#, #"<mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi><mrow><mo form="prefix" lspace="0em" rspace="0em">−</mo><mi>x</mi></mrow></msup></mrow></mfrac>"#),
        (#"\dfrac{a}{b}"#, #"<mfrac displaystyle="true"><mi>a</mi><mi>b</mi></mfrac>"#),
        (#"\tfrac{1}{2}"#, #"<mfrac displaystyle="false"><mn>1</mn><mn>2</mn></mfrac>"#),
        (#"\sqrt{x}"#, #"<msqrt><mi>x</mi></msqrt>"#),
        (#"\sqrt{x+1}"#, #"<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"#),
        (#"\sqrt[3]{x}"#, #"<mroot><mi>x</mi><mn>3</mn></mroot>"#),
        (#"\sqrt[n]{1+x}"#, #"<mroot><mrow><mn>1</mn><mo>+</mo><mi>x</mi></mrow><mi>n</mi></mroot>"#),
    ]
}
