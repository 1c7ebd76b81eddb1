import Foundation
import SurveyData

/// The peers of `pathlens bench fit --peers`, timed in the same run on the same generated CSV:
/// R's `ordinal::clm` (ordered logit of `y` on x1–x20) and `glm(family = binomial)` (logit of
/// `yb`), the fit alone with the data already read, fastest of `repeats` runs. Their
/// log-likelihoods come back too, so the run checks that both sides found the same optimum.
enum BenchPeers {
    struct Timing { var wall: Double; var cpu: Double; var loglik: Double }

    /// What `Rscript` printed: one line per peer, `NAME wall cpu loglik`.
    struct Peers { var clm: Timing?; var glm: Timing?; var note: String? }

    static let script = """
    args <- commandArgs(trailingOnly = TRUE); reps <- as.integer(args[2])
    d <- read.csv(args[1])
    rhs <- paste0("x", 1:20, collapse = " + ")
    best <- function(fun) {
      t <- c(Inf, Inf); m <- NULL
      for (i in seq_len(reps)) {
        st <- system.time(m <- fun())
        if (st[["elapsed"]] < t[1]) t <- c(st[["elapsed"]], st[["user.self"]] + st[["sys.self"]])
      }
      list(t = t, m = m)
    }
    if (requireNamespace("ordinal", quietly = TRUE)) {
      d$yf <- factor(d$y, ordered = TRUE)
      a <- best(function() ordinal::clm(as.formula(paste("yf ~", rhs)), data = d, link = "logit"))
      cat(sprintf("clm %.6f %.6f %.10f\\n", a$t[1], a$t[2], as.numeric(logLik(a$m))))
    } else cat("note R package ordinal not installed\\n")
    b <- best(function() glm(as.formula(paste("yb ~", rhs)), data = d, family = binomial()))
    cat(sprintf("glm %.6f %.6f %.10f\\n", b$t[1], b$t[2], as.numeric(logLik(b$m))))
    """

    /// Runs the script with `Rscript` on `csv`; nil timings (and a note) when R is not there.
    static func run(csv: String, repeats: Int, scratch: URL) -> Peers {
        let scriptPath = scratch.appendingPathComponent("peers.R").path
        let outputPath = scratch.appendingPathComponent("peers.out").path
        do {
            try AtomicFile.write(script, to: scriptPath)
        } catch {
            return Peers(note: "cannot write \(scriptPath): \(error)")
        }
        let status = spawn(["Rscript", "--vanilla", scriptPath, csv, String(max(1, repeats))], output: outputPath)
        guard status == 0, let text = try? String(contentsOfFile: outputPath, encoding: .utf8) else {
            return Peers(note: status == 127 ? "Rscript not found" : "Rscript failed (status \(status))")
        }
        var peers = Peers()
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.first == "note" { peers.note = fields.dropFirst().joined(separator: " "); continue }
            guard fields.count == 4, let wall = Double(fields[1]), let cpu = Double(fields[2]),
                  let loglik = Double(fields[3]) else { continue }
            let timing = Timing(wall: wall, cpu: cpu, loglik: loglik)
            if fields[0] == "clm" { peers.clm = timing } else if fields[0] == "glm" { peers.glm = timing }
        }
        return peers
    }

    /// `argv` found on PATH, stdout to `output`, stderr discarded; the exit status (127: not found).
    private static func spawn(_ argv: [String], output: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let pointers = argv.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv[0], &actions, nil, pointers, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited normally: the exit code in bits 8–15; killed by a signal: 128 + signal.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
