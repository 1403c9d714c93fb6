/// Which part of a minibatch the current thread computes, when a training step splits its minibatch in two and
/// computes the parts' graphs on two threads at once (``AutoregressiveImageModel/trainsInShards``).
///
/// While a part is computed, ``Parameter/variable()`` gives that part's own leaf, so the two graphs share no node
/// and their backward passes can run at the same time; ``Parameter/gradient`` then sums the parts' gradients, part 0
/// first, whatever the order in which they finished (the same bits on any machine, with one core or many).
enum GradientShard {
    /// The parts a minibatch is split into.
    static let count = 2

    /// The part the current thread computes (nil: no split; one graph, as everywhere outside such a step).
    @TaskLocal static var index: Int?
}
