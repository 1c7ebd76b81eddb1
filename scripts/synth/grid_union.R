# Grid over three union-selection knobs (secondary shift lambda[3], secondary stretch lambda[5],
# non-secondary stretch lambda[6]) with the training and skill indexes held fixed; prints, per
# setting, how many published numbers fall within 1 and 2 SE, how many union/training stars match,
# and the union z statistics of Models 1, 2, 4, 6, 8, 9, 10. Used to pick the shipped setting.
# usage: Rscript scripts/synth/grid_union.R SEED PARAMS.json
suppressPackageStartupMessages(library(jsonlite))
source("scripts/synth/calibration_lib.R")
args <- commandArgs(trailingOnly = TRUE)
seed <- args[1]
p <- load_params(args[2])
lam <- p$lambda; if (length(lam) < 6) lam <- c(lam, rep(1, 6 - length(lam)))
for (l5 in c(0.45, 0.5, 0.55, 0.6, 0.65)) for (l3 in c(1.9, 2.0, 2.1)) for (l6 in c(1.0, 1.1, 1.2)) {
  l <- lam; l[5] <- l5; l[3] <- l3; l[6] <- l6
  r <- report(run(build_union(p, l)), pub, verbose = FALSE)
  key <- r$cmp$term %in% c("union", "training")
  z <- sapply(union_targets, function(t) r$fits[[t$model]]$b[["union"]] / r$fits[[t$model]]$se[["union"]])
  cat(sprintf("lambda[3] %.2f lambda[5] %.2f lambda[6] %.2f: within 1 SE %d, 2 SE %d; stars %d/13; union z %s\n",
              l3, l5, l6, sum(r$cmp$within1), sum(r$cmp$within2),
              sum(key & r$cmp$stars_pub == r$cmp$stars_rep), paste(round(z, 2), collapse = " ")))
}
