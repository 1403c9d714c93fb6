// LessonKit's MCMC and CAVI, timed for bench/inference/bench.py. Each subcommand prints `key value` lines.
//
//   InferenceBench mh DRAWS CHAINS       random-walk MH on a 10-D Gaussian, fixed step, DRAWS per chain
//   InferenceBench cavi ITERATIONS CSV   CAVI on 1,000 points of a 3-component 2-D mixture, written to CSV
import Foundation

let arguments = CommandLine.arguments.dropFirst().map { $0 }
switch arguments.first {
case "mh" where arguments.count == 3:
    guard let draws = Int(arguments[1]), let chains = Int(arguments[2]) else { fatalError("mh DRAWS CHAINS") }
    MetropolisBenchmark(drawsPerChain: draws, chains: chains).run()
case "cavi" where arguments.count == 3:
    guard let iterations = Int(arguments[1]) else { fatalError("cavi ITERATIONS CSV") }
    CAVIBenchmark(iterations: iterations, csvPath: arguments[2]).run()
default:
    print("usage: InferenceBench mh DRAWS CHAINS | cavi ITERATIONS CSV")
    exit(2)
}
