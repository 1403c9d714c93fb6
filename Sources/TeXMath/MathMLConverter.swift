/// Converts TeX mathematics to MathML Core (being written; see issue 6).
public enum MathMLConverter {}
