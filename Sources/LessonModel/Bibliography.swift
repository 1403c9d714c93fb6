/// The works a course cites, read from `Lessons/references.yml`: each under the key prose cites it by
/// (`[@kingma2014vae]`), with its authors, year, title, venue and a DOI or address.
public struct Bibliography: Hashable, Sendable {
    /// One cited work.
    public struct Work: Hashable, Sendable {
        /// The key prose cites it by, e.g. `kingma2014vae`.
        public var key: String
        /// Family names first and in order, each with its given names or initials: `van den Oord, A.`.
        public var authors: [Author]
        /// The year of publication as written (`2016`).
        public var year: String
        public var title: String
        /// Where it appeared: a journal with volume, a conference, a publisher (may be empty).
        public var venue: String
        /// A DOI without a resolver (`10.1080/01621459.2017.1285773`); linked as `https://doi.org/<doi>`.
        public var doi: String?
        /// An address to read it at, for works without a DOI (arXiv, proceedings).
        public var url: String?
        /// Where the work is described in the references file.
        public var location: SourceLocation

        /// Creates a work.
        public init(key: String, authors: [Author], year: String, title: String, venue: String = "",
                    doi: String? = nil, url: String? = nil, location: SourceLocation)
        {
            self.key = key
            self.authors = authors
            self.year = year
            self.title = title
            self.venue = venue
            self.doi = doi
            self.url = url
            self.location = location
        }

        /// The address a reader follows: the DOI's, else the URL.
        public var link: String? { doi.map { "https://doi.org/\($0)" } ?? url }
    }

    /// An author: a family name (`van den Oord`) and given names or initials (`A.`), or only a name (an
    /// organisation, `ITU-T`).
    public struct Author: Hashable, Sendable {
        public var family: String
        public var given: String

        /// Reads `Family, Given` (or a name without a comma, taken whole as the family name).
        public init(_ written: String) {
            if let comma = written.firstIndex(of: ",") {
                family = String(written[..<comma].trimmingWhitespace())
                given = String(written[written.index(after: comma)...].trimmingWhitespace())
            } else {
                family = String(written[...].trimmingWhitespace())
                given = ""
            }
        }
    }

    /// The file's usual place, relative to the project root.
    public static let fileName = "Lessons/references.yml"

    /// The works by key.
    public var works: [String: Work]

    /// A bibliography of `works` (none: a course that cites nothing).
    public init(works: [Work] = []) {
        self.works = Dictionary(works.map { ($0.key, $0) }) { first, _ in first }
    }
}
