# Re-estimates the paper's Models 1-10 on a replica CSV with R (lm, glm, ordinal::clm) and compares
# every published coefficient, standardized coefficient and cutpoint with the replica's:
# distance in published SEs (se_implied = coef / stat), within 1 and 2 SE, stars. Also fit
# statistics, the marginal effects quoted in the text and the exact counts of Tables 1 and 2.
#
# usage: Rscript scripts/synth/compare.R [data/dalian2022.csv] [../shared/reference/dalian2022_published.json]
# As a library (source()): fit_all(df), compare_all(fits, pub).

suppressPackageStartupMessages({ library(ordinal); library(jsonlite) })

term_map <- c(union = "union", training = "training", male = "male", age = "age",
  edu_junior_high = "educ=2", edu_senior_high = "educ=3", edu_vocational = "educ=4",
  edu_college = "educ=5", edu_bachelor_plus = "educ=6", married = "married", party = "party",
  occ_skilled = "occ=2", occ_office = "occ=3", occ_service = "occ=4", occ_manager = "occ=5",
  occ_self_employed = "occ=6", occ_farmer_fisher = "occ=7", occ_other = "occ=8",
  ind_secondary = "industry=2", ind_tertiary = "industry=3")

design <- function(df, with_training, with_industry = TRUE) {
  X <- data.frame(union = df$union)
  if (with_training) X$training <- df$training
  X$male <- df$male; X$age <- df$age
  for (k in 2:6) X[[names(term_map)[k + 3]]] <- as.numeric(df$educ == k)
  X$married <- df$married; X$party <- df$party
  occ_names <- c("occ_skilled", "occ_office", "occ_service", "occ_manager", "occ_self_employed",
                 "occ_farmer_fisher", "occ_other")
  for (k in 2:8) X[[occ_names[k - 1]]] <- as.numeric(df$occ == k)
  if (with_industry) { X$ind_secondary <- as.numeric(df$industry == 2); X$ind_tertiary <- as.numeric(df$industry == 3) }
  X <- as.matrix(X)
  X[, colSums(X != 0) > 0, drop = FALSE]  # empty factor levels do not enter (as in Stata)
}

# Stata logit's perfect-prediction rule for 0/1 regressors: a dummy whose ones all share one outcome
# is dropped together with those rows.
perfect_drop <- function(X, y) {
  keep <- rep(TRUE, length(y)); dropped_cols <- character(0)
  for (j in colnames(X)) {
    v <- X[, j]
    if (all(v %in% c(0, 1)) && j != "union") {
      on <- v == 1 & keep
      if (sum(on) > 0 && length(unique(y[on])) == 1) { keep <- keep & !on; dropped_cols <- c(dropped_cols, j) }
    }
  }
  list(keep = keep, cols = dropped_cols)
}

fit_ologit <- function(X, y) {
  f <- clm(factor(y, ordered = TRUE) ~ X)
  b <- f$beta; names(b) <- colnames(X)
  V <- vcov(f)
  se <- sqrt(diag(V))[paste0("X", colnames(X))]; names(se) <- colnames(X)
  cuts <- f$alpha; cse <- sqrt(diag(V))[seq_along(cuts)]
  ll0 <- clm(factor(y, ordered = TRUE) ~ 1)$logLik
  list(kind = "ologit", b = b, se = se, cuts = unname(cuts), cut_se = unname(cse), X = X, y = y,
       n = length(y), pseudo_r2 = 1 - f$logLik / ll0)
}

fit_logit <- function(X, y) {
  pd <- perfect_drop(X, y)
  Xk <- X[pd$keep, setdiff(colnames(X), pd$cols), drop = FALSE]; yk <- y[pd$keep]
  f <- glm(yk ~ Xk, family = binomial())
  s <- summary(f)$coefficients
  b <- s[-1, 1]; names(b) <- colnames(Xk); se <- s[-1, 2]; names(se) <- colnames(Xk)
  ll0 <- glm(yk ~ 1, family = binomial())
  list(kind = "logit", b = b, se = se, cons = s[1, 1], cons_se = s[1, 2], X = Xk, y = yk,
       n = length(yk), dropped = sum(!pd$keep), dropped_cols = pd$cols,
       pseudo_r2 = 1 - as.numeric(logLik(f)) / as.numeric(logLik(ll0)))
}

fit_ols <- function(X, y) {
  f <- lm(y ~ X); s <- summary(f)$coefficients
  b <- s[-1, 1]; names(b) <- colnames(X); se <- s[-1, 2]; names(se) <- colnames(X)
  list(kind = "ols", b = b, se = se, cons = s[1, 1], cons_se = s[1, 2], n = length(y),
       r2 = summary(f)$r.squared)
}

# x-standardized (bStdX) coefficients and cutpoints centred at the means (Models 3, 7).
std_x <- function(fit) {
  sdx <- apply(fit$X, 2, sd)
  list(b = fit$b * sdx, cuts = fit$cuts - sum(colMeans(fit$X) * fit$b))
}
# fully standardized (bStdXY) logit coefficients (Model 5): b sd(x) / sd(y*).
std_xy <- function(fit) {
  xb <- fit$X %*% fit$b
  sdy <- sqrt(var(as.numeric(xb)) + pi^2 / 3)
  fit$b * apply(fit$X, 2, sd) / sdy
}

fit_all <- function(df) {
  sec <- df[df$industry == 2, ]
  m <- list()
  m$model1 <- fit_ols(design(df, FALSE), df$skill)
  m$model2 <- fit_ologit(design(df, FALSE), df$skill)
  m$model4 <- fit_logit(design(df, FALSE), df$training)
  m$model6 <- fit_ologit(design(df, TRUE), df$skill)
  m$model8 <- fit_ologit(design(sec, FALSE, FALSE), sec$skill)
  m$model9 <- fit_logit(design(sec, FALSE, FALSE), sec$training)
  m$model10 <- fit_ologit(design(sec, TRUE, FALSE), sec$skill)
  m
}

stars_of <- function(z) ifelse(abs(z) >= 2.576, "***", ifelse(abs(z) >= 1.96, "**", ifelse(abs(z) >= 1.645, "*", "")))

# One row per published number: model, term, published, replica, published SE, distance in SEs.
compare_all <- function(m, pub) {
  models <- c(pub$table3$models, pub$table4$models, pub$table5$models)
  rows <- list()
  add <- function(model, term, p, est, z) {
    rows[[length(rows) + 1]] <<- data.frame(model = model, term = term$name, published = term$coef,
      replica = est, se = term$se_implied, dist = (est - term$coef) / term$se_implied,
      stars_pub = term$stars, stars_rep = stars_of(z), stringsAsFactors = FALSE)
  }
  for (md in models) {
    id <- md$id
    base <- switch(id, model3 = "model2", model5 = "model4", model7 = "model6", id)
    f <- m[[base]]
    b <- f$b; z <- f$b / f$se
    if (id %in% c("model3", "model7")) { s <- std_x(f); b <- s$b }
    if (id == "model5") b <- std_xy(f)
    for (co in md$coefficients) {
      nm <- co$name
      if (nm %in% names(b)) add(id, co, NA, b[[nm]], z[[nm]])
      else add(id, co, NA, NA, NA)
    }
    if (!is.null(md$cutpoints)) {
      cuts <- if (id %in% c("model3", "model7")) std_x(f)$cuts else f$cuts
      for (k in seq_along(md$cutpoints)) add(id, md$cutpoints[[k]], NA, cuts[k], 99)
    }
    if (!is.null(md$constant)) add(id, md$constant, NA, f$cons, f$cons / f$cons_se)
  }
  do.call(rbind, rows)
}

# Marginal effects as the paper computed them (see the JSON's table4 notes).
margins_text <- function(m) {
  F <- plogis; f <- dlogis
  probs_deriv <- function(b, cuts, xb) {  # d P(y = j) / dx for each j, per row
    k <- c(-Inf, cuts, Inf)
    sapply(1:(length(cuts) + 1), function(j) b * (f(k[j] - xb) - f(k[j + 1] - xb)))
  }
  m2 <- m$model2; xb2 <- as.numeric(m2$X %*% m2$b)
  ame_union <- colMeans(matrix(probs_deriv(m2$b[["union"]], m2$cuts, xb2), ncol = 6)) * 100
  m6 <- m$model6; xbar6 <- sum(colMeans(m6$X) * m6$b)
  mem <- function(t) probs_deriv(m6$b[[t]], m6$cuts, xbar6) * 100
  m4 <- m$model4; p4 <- plogis(m4$cons + sum(colMeans(m4$X) * m4$b))
  list(ame_union_model2 = ame_union, mem_training_model6 = mem("training"),
       mem_male_model6 = mem("male"), mem_married_model6 = mem("married"),
       mem_union_training_model4 = m4$b[["union"]] * p4 * (1 - p4) * 100)
}

check_counts <- function(df, pub) {
  ok <- TRUE
  tab1 <- pub$table1$variables
  colmap <- c(skill = "skill", union = "union", training = "training", gender = "male",
              education = "educ", marital = "married", party = "party", occupation = "occ", industry = "industry")
  for (v in tab1) {
    col <- df[[colmap[[v$variable]]]]
    for (cat in v$categories) if (sum(col == cat$code) != cat$count) {
      ok <- FALSE; cat(sprintf("COUNT MISMATCH %s=%s: %d vs %d\n", v$variable, cat$code, sum(col == cat$code), cat$count))
    }
  }
  t2 <- pub$table2$rows
  for (k in seq_along(t2$skill)) for (g in c("non_member", "member")) {
    n <- sum(df$skill == k & df$union == (g == "member"))
    if (n != t2$skill[[k]][[g]]$count) { ok <- FALSE; cat(sprintf("TABLE 2 MISMATCH skill=%d %s\n", k, g)) }
  }
  if (sum(df$training == 1 & df$union == 1) != 2191 || sum(df$training == 1 & df$union == 0) != 285) {
    ok <- FALSE; cat("TABLE 2 MISMATCH training\n")
  }
  if (min(df$age) != 19 || max(df$age) != 61 || sum(df$age) != 110136) { ok <- FALSE; cat("AGE MISMATCH\n") }
  cat(sprintf("exact counts: %s; age mean %.4f sd %.3f min %d max %d\n", if (ok) "all match" else "MISMATCH",
              mean(df$age), sd(df$age), min(df$age), max(df$age)))
  ok
}

report <- function(df, pub, verbose = TRUE) {
  m <- fit_all(df)
  cmp <- compare_all(m, pub)
  cmp$within1 <- abs(cmp$dist) <= 1; cmp$within2 <- abs(cmp$dist) <= 2
  if (verbose) {
    check_counts(df, pub)
    cmp_print <- cmp; cmp_print$dist <- round(cmp_print$dist, 2)
    cmp_print$replica <- round(cmp_print$replica, 4)
    print(cmp_print[, c("model", "term", "published", "replica", "se", "dist", "stars_pub", "stars_rep")], row.names = FALSE)
    fits <- c(model1 = m$model1$r2, model2 = m$model2$pseudo_r2, model4 = m$model4$pseudo_r2,
              model6 = m$model6$pseudo_r2, model8 = m$model8$pseudo_r2, model9 = m$model9$pseudo_r2,
              model10 = m$model10$pseudo_r2)
    cat("\nfit (published: R2 0.229; pseudo R2 M2 0.102, M4 0.109, M6 0.106, M8 0.150, M9 0.122, M10 0.154):\n")
    print(round(fits, 3))
    cat(sprintf("N: M8 %d, M9 %d (dropped %d: %s), M10 %d\n", m$model8$n, m$model9$n, m$model9$dropped,
                paste(m$model9$dropped_cols, collapse = ","), m$model10$n))
    mt <- margins_text(m)
    cat("\nmarginal effects (pct points):\n")
    cat("union AME, Model 2 (published -5.04 .81 1.90 1.46 .40 .40):", round(mt$ame_union_model2, 2), "\n")
    cat("training MEM, Model 6 (published -14.80 3.60 6.70 3.20 <1 <1):", round(mt$mem_training_model6, 2), "\n")
    cat("male MEM, Model 6 (published -15.40 3.80 7.00):", round(mt$mem_male_model6, 2), "\n")
    cat("married MEM, Model 6 (published -6.00 1.50 2.70):", round(mt$mem_married_model6, 2), "\n")
    cat("union on training MEM, Model 4 (published 8.50):", round(mt$mem_union_training_model4, 2), "\n")
    key <- cmp[cmp$term %in% c("union", "training"), ]
    star_ok <- sum(key$stars_pub == key$stars_rep)
    cat(sprintf("\nunion/training stars match: %d/%d\n", star_ok, nrow(key)))
    cat(sprintf("within 1 SE: %d/%d (%.1f%%); within 2 SE: %d/%d\n", sum(cmp$within1), nrow(cmp),
                100 * mean(cmp$within1), sum(cmp$within2), nrow(cmp)))
    bad <- cmp[!cmp$within1, ]
    if (nrow(bad) > 0) { cat("outside 1 SE:\n"); print(bad[, c("model", "term", "published", "replica", "dist")], row.names = FALSE) }
  }
  invisible(list(fits = m, cmp = cmp))
}

if (sys.nframe() == 0) {
  args <- commandArgs(trailingOnly = TRUE)
  csv <- if (length(args) >= 1) args[1] else "data/dalian2022.csv"
  js <- if (length(args) >= 2) args[2] else "../shared/reference/dalian2022_published.json"
  pub <- fromJSON(js, simplifyVector = FALSE)
  report(read.csv(csv), pub)
}
