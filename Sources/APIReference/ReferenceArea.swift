/// One page of the LessonKit reference: a topic and the LessonKit source folders whose declarations it lists.
public struct ReferenceArea: Sendable, Hashable {
    /// The page's file name without `.html`, e.g. `distributions`.
    public var slug: String
    /// The page's title, e.g. `Distributions`.
    public var title: String
    /// What the area is for, one or two sentences (Markdown).
    public var summary: String
    /// The folders of `Sources/LessonKit/` listed on this page, in order.
    public var folders: [String]

    /// The reference's pages in reading order. A LessonKit folder that none names goes to `other`.
    public static let all: [ReferenceArea] = [
        ReferenceArea(slug: "randomness", title: "Randomness",
            summary: "Seeded random numbers: every cell that draws from `SeededGenerator()` gets the same numbers on every run.",
            folders: ["Random"]),
        ReferenceArea(slug: "distributions", title: "Distributions",
            summary: "Probability distributions with sampling, log-densities, moments, entropies and KL divergences; special functions.",
            folders: ["Distributions", "Numerics"]),
        ReferenceArea(slug: "tensors-and-autodiff", title: "Tensors and autodiff",
            summary: "N-dimensional arrays with OpenBLAS matrix products, reverse-mode automatic differentiation on a tape, "
                + "parameters, layers and optimizers.",
            folders: ["Tensor", "Autodiff", "Training"]),
        ReferenceArea(slug: "models", title: "Models and data",
            summary: "The course's generative models (FVSBN, MADE, PixelCNN, Row LSTM, WaveNet) and its data sets.",
            folders: ["Models", "Data"]),
        ReferenceArea(slug: "mcmc", title: "MCMC",
            summary: "Markov chain Monte Carlo: Metropolis–Hastings, Hamiltonian Monte Carlo, Gibbs samplers, chains and their diagnostics.",
            folders: ["MCMC"]),
        ReferenceArea(slug: "variational-inference", title: "Variational inference and the ELBO",
            summary: "Variational families, ELBO estimates, KL divergences and the models the lessons fit them to.",
            folders: ["Variational", "ELBO"]),
        ReferenceArea(slug: "plots", title: "Plots",
            summary: "SVG figures that follow the page's light or dark theme: line plots, histograms, heat maps, image grids, traces.",
            folders: ["Plots"]),
        ReferenceArea(slug: "display", title: "Display",
            summary: "Showing values under a cell: `show`, tables, SVG images and number formatting.",
            folders: ["Display"]),
        ReferenceArea(slug: "checks", title: "Checks and the runtime",
            summary: "Checks that fail a cell with its file and line, checked derivations, and what a cell can tell the runner.",
            folders: ["Checks", "Runtime"]),
    ]

    /// The page for folders no area names.
    public static let other = ReferenceArea(slug: "other", title: "Other", summary: "Everything else LessonKit declares.",
        folders: [])

    /// The area listing `folder`.
    public static func area(of folder: String) -> ReferenceArea {
        all.first { $0.folders.contains(folder) } ?? other
    }
}
