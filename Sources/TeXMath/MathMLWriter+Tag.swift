extension MathMLWriter {
    /// A display with `\tag`: a full-width one-row table, the formula centred and the tag at the right.
    ///
    /// `<mtable class="tex-tagged">` with three cells (spacer, formula, right-aligned `<mtext class="tex-tag">`), so the
    /// site can restyle it; the inline styles make it right on a page without any stylesheet.
    mutating func writeTagged(_ content: MathNode, tag: String) {
        output += "<mtable class=\"tex-tagged\" displaystyle=\"true\" style=\"width:100%\"><mtr>"
        output += "<mtd style=\"width:50%\"></mtd><mtd>"
        writeChildren(content)
        output += "</mtd><mtd columnalign=\"right\" style=\"width:50%\"><mtext class=\"tex-tag\">"
        output += Self.escape(tag)
        output += "</mtext></mtd></mtr></mtable>"
    }
}
