extension UnmutatedCheck {
    /// Checks of identities LessonKit computes on both sides: the lesson's code only calls LessonKit, and a lesson
    /// run does not recompile LessonKit, so no mutation of the lesson reaches them. Their implementations are
    /// tested in LessonKitTests (against independent references); here they show the reader a theorem holding.
    static let course: [UnmutatedCheck] = [
        UnmutatedCheck(lesson: "05-variational-families.md", check: "KL(q ‖ p) never increases",
            reason: "MeanFieldGaussian.fit computes klHistory; monotonicity is a theorem of its coordinate updates"),
        UnmutatedCheck(lesson: "05-variational-families.md", check: "the ELBO never decreases",
            reason: "GaussianMixtureCAVI computes elboHistory; monotonicity is a theorem of CAVI"),
    ]
}
