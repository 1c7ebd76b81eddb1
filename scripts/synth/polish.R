# Final polish: random local search over the union-selection knobs (lambda) with the training and
# skill indexes held fixed, accepting a step only when the objective improves. Cheap (one
# generation + one set of fits per trial) and free of the drift of the fixed-point loop.
# usage: Rscript scripts/synth/polish.R SEED START.json TRIALS
suppressPackageStartupMessages(library(jsonlite))
source("scripts/synth/calibration_lib.R")
args <- commandArgs(trailingOnly = TRUE)
seed <- args[1]
p <- load_params(args[2])
trials <- as.integer(args[3])
set.seed(as.integer(seed) %% 100000 + 7)
lam <- p$lambda; if (length(lam) < 6) lam <- c(lam, rep(1, 6 - length(lam)))
score <- function(r) {
  objective(r) + 50 * max(0, 165 - sum(r$cmp$within1)) + 100 * sum(!r$cmp$within2)
}
evaluate <- function(l) {
  q <- build_union(p, l)
  r <- report(run(q), pub, verbose = FALSE)
  list(p = q, r = r, obj = score(r), u = union_vec(r$fits))
}
best <- evaluate(lam)
status("start", best, lam)
h <- c(0.25, 0.15, 0.4, 0, 0.2, 0.2) / 3
for (t in seq_len(trials)) {
  l <- lam + rnorm(6, 0, h * (if (t %% 3 == 0) 2 else 1))
  l[5:6] <- pmin(pmax(l[5:6], 0.3), 3)
  cand <- evaluate(l)
  if (cand$obj < best$obj) { best <- cand; lam <- l; status(sprintf("trial %d", t), best, lam) }
}
q <- best$p; q$lambda <- lam
out <- sprintf("scripts/synth/out/params-%s.json", seed)
writeLines(toJSON(normalise(q), auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")
report(run(q), pub)
