# Tries several seeds with the calibrated parameters as a starting point: for each, a few inner
# calibration steps at the given lambda, then the objective, star matches and SE counts. The seed
# decides the noise draws, so some seeds land closer to the published significance levels.
# usage: Rscript scripts/synth/seed_search.R START.json SEED1 SEED2 ...
suppressPackageStartupMessages(library(jsonlite))
source("scripts/synth/calibration_lib.R")
args <- commandArgs(trailingOnly = TRUE)
start <- load_params(args[1])
lam <- start$lambda
for (s in args[-1]) {
  seed <- s
  res <- inner(start, lam, 6)
  status(sprintf("seed %s", s), res, lam)
  p <- res$p; p$lambda <- lam
  writeLines(toJSON(normalise(p), auto_unbox = TRUE, digits = NA, pretty = TRUE), sprintf("scripts/synth/out/params-%s.json", s))
}
