/* rota.mod — rota's exact planning model in GNU MathProg (see models/README.md).

   The same formulation as rota's Swift-built MIP (Sources/Rota/Solvers/MIP): integer
   purchase counts x[c,a,d] per line class c (item, first day, lag), account a and day d;
   the review of a purchase on the first day the account works after the lag, or, when
   reviews have a daily cap, review counts y[c,a,r] linked to purchases cumulatively; the
   class's reviews shared out among its groups g (due day, weight) by z[g,r]; u[g] lines of
   group g left out. (The Swift model skips z for classes of one group, and totals each
   account's purchases per day in a column; the rows are the same sums.)

   OBJECTIVE. MathProg solves one objective, so this model minimises the weighted sum
       (T + 1) * (lines left out) + makespan,
   which respects the lexicographic order (unscheduled first, then makespan) because the
   makespan is at most T. Weighted lateness, balance and soft overruns — the later levels
   rota's Swift MIP solves stage by stage — are not optimised here; the post-solve
   statements print the plan's makespan, lateness and largest load all the same.

   Makespan uses monotone day-used binaries e[t] (e[t] >= e[t+1], makespan = sum e[t]);
   the Swift MIP finds the same optimum by searching the horizon instead (fixing every
   column whose review falls on or after a trial horizon to 0). Both are exact.

   Data: write it with `rota export INSTANCE --format mathprog` (MathProgData.swift). Days
   are offsets from the instance's start; "unlimited" caps are a large number. */

param T integer >= 0;                    /* plannable days 0..T-1 */
set D := 0..T-1;
set A;                                   /* accounts */
set I;                                   /* items */
set C;                                   /* classes of lines needing a purchase and a review */
set R;                                   /* classes of lines needing only a review */
param item{C} integer;
param first{C} integer >= 0;             /* first purchase day */
param lag{C} integer >= 0;
param racct{R};                          /* account that made the completed purchase */
param rfirst{R} integer >= 0;            /* first review day: purchase day + lag */
set G;                                   /* groups: lines of a class sharing due day and weight */
param gclass{G} symbolic;                /* the group's class (in C or R) */
param n{G} integer > 0;                  /* lines in the group */
param due{G} integer default 1000000000; /* due day (large: none) */
param weight{G} default 1;

param available{A, D} binary default 1;
param dailyLimit{A} integer >= 0;
param sameItemPerDay integer >= 0;
param sameItemTotal integer >= 0;
param reviewsPerDay integer >= 0;
param capped binary;                     /* 1 when reviews have a daily cap */
param len{A} integer >= 0 default 0;     /* rolling window length (0: none) */
param hard{A} integer >= 0 default 1000000000000;

/* Completed history (missed tasks are not history): it counts against every cap. */
set H;                                   /* days with completed purchases (may be < 0) */
param histBuy{A, H} integer >= 0 default 0;
param histItemDay{A, I, D} integer >= 0 default 0;
param histItem{A, I} integer >= 0 default 0;
param histLoad{A} integer >= 0 default 0;
param histReview{A, D} integer >= 0 default 0;
param floor integer >= 0 default 0;      /* makespan forced by completed reviews */

/* Room left by history. */
param dailyRoom{a in A, d in D} := dailyLimit[a] - sum{h in H: h = d} histBuy[a, h];
param windowRoom{a in A, s in (1 - len[a])..(T - 1)} :=
    hard[a] - sum{h in H: h >= s and h < s + len[a]} histBuy[a, h];
param reviewRoom{a in A, d in D} := reviewsPerDay - histReview[a, d];

/* rv[a,t]: the first day >= t account a works, with review room (T: none); index it
   with min(t, T). */
param rv{a in A, t in 0..T} :=
    if t >= T then T
    else if available[a, t] = 1 and reviewRoom[a, t] >= 1 then t
    else rv[a, t + 1];

/* x[c,a,d]: only on working days >= first[c] with room under every purchase cap and a
   possible review day before the horizon. */
set X := setof{c in C, a in A, d in D:
    d >= first[c] and available[a, d] = 1
    and dailyRoom[a, d] >= 1
    and sameItemPerDay - histItemDay[a, item[c], d] >= 1
    and sameItemTotal - histItem[a, item[c]] >= 1
    and (len[a] = 0 or min{s in (d - len[a] + 1)..d} windowRoom[a, s] >= 1)
    and rv[a, min(T, d + lag[c])] < T} (c, a, d);

/* y[c,a,r] (capped reviews only): working days with review room, from first + lag. */
set Y := setof{c in C, a in A, r in D:
    capped = 1 and r >= first[c] + lag[c] and available[a, r] = 1 and reviewRoom[a, r] >= 1} (c, a, r);

/* w[c,r]: reviews of review-only classes; uncapped: the first working day only. */
set W := setof{c in R, r in D:
    r >= rfirst[c] and available[racct[c], r] = 1 and reviewRoom[racct[c], r] >= 1
    and (capped = 1 or r = rv[racct[c], min(T, rfirst[c])])} (c, r);

/* z[g,r]: reviews of group g on day r, from its class's first possible review day. */
set Z := setof{g in G, r in D:
    r >= (if gclass[g] in C then first[gclass[g]] + lag[gclass[g]] else rfirst[gclass[g]])} (g, r);

param size{c in C union R} := sum{g in G: gclass[g] = c} n[g];
var x{(c, a, d) in X} integer >= 0, <= size[c];
var y{(c, a, r) in Y} integer >= 0, <= size[c];
var w{(c, r) in W} integer >= 0, <= size[c];
var z{(g, r) in Z} integer >= 0, <= n[g];
var u{g in G} >= 0, <= n[g];
var e{t in D} binary;

/* split[c,r]: sum_{g in c} z[g,r] = reviews of class c on day r (uncapped: purchases whose
   review falls on r; capped: sum_a y[c,a,r]; review classes: w[c,r]) */
s.t. split{c in C union R, r in D}:
    sum{(g, r) in Z: gclass[g] = c} z[g, r] =
        (if c in C and capped = 0 then sum{(c, a, d) in X: rv[a, min(T, d + lag[c])] = r} x[c, a, d])
      + (if c in C and capped = 1 then sum{(c, a, r) in Y} y[c, a, r])
      + (if c in R and (c, r) in W then w[c, r]);

/* count[g]: sum_r z[g,r] + u[g] = n_g */
s.t. count{g in G}: sum{(g, r) in Z} z[g, r] + u[g] = n[g];

/* daily[a,d]: sum_c x[c,a,d] <= dailyLimit_a - completed(a,d) */
s.t. daily{a in A, d in D}: sum{(c, a, d) in X} x[c, a, d] <= max(0, dailyRoom[a, d]);

/* itemDay[a,i,d]: sum_{c: item i} x[c,a,d] <= sameItemPerDay - completed(a,i,d) */
s.t. itemDay{a in A, i in I, d in D}:
    sum{(c, a, d) in X: item[c] = i} x[c, a, d] <= max(0, sameItemPerDay - histItemDay[a, i, d]);

/* itemTotal[a,i]: sum_{c: item i, d} x[c,a,d] <= sameItemPerAccount - completed(a,i) */
s.t. itemTotal{a in A, i in I}:
    sum{(c, a, d) in X: item[c] = i} x[c, a, d] <= max(0, sameItemTotal - histItem[a, i]);

/* hard[a,s]: sum_{s <= d < s + len_a} sum_c x[c,a,d] <= hard_a - completed(a, window s) */
s.t. hardWindow{a in A, s in (1 - len[a])..(T - 1): len[a] > 0}:
    sum{(c, a, d) in X: d >= s and d < s + len[a]} x[c, a, d] <= max(0, windowRoom[a, s]);

/* Capped reviews: reviewCap[a,r]: sum_c y[c,a,r] + sum z <= reviewsPerDay - completed reviews(a,r) */
s.t. reviewCap{a in A, r in D: capped = 1}:
    sum{(c, a, r) in Y} y[c, a, r] + sum{(c, r) in W: racct[c] = a} w[c, r] <= max(0, reviewRoom[a, r]);

/* link[c,a,t]: sum_{r <= t} y[c,a,r] <= sum_{d <= t - lag_c} x[c,a,d]; linkAll: totals equal */
s.t. link{c in C, a in A, t in D: capped = 1}:
    sum{(c, a, r) in Y: r <= t} y[c, a, r] <= sum{(c, a, d) in X: d + lag[c] <= t} x[c, a, d];
s.t. linkAll{c in C, a in A: capped = 1}:
    sum{(c, a, r) in Y} y[c, a, r] = sum{(c, a, d) in X} x[c, a, d];

/* Makespan: e[t] >= e[t+1]; e[t] = 1 before the history floor; every review on day t is
   some group's (split), so used[g,t]: z[g,t] <= n_g e[t]. */
s.t. monotone{t in D: t + 1 <= T - 1}: e[t] >= e[t + 1];
s.t. historyFloor{t in D: t < floor}: e[t] = 1;
s.t. used{(g, t) in Z}: z[g, t] <= n[g] * e[t];

minimize objective: (T + 1) * sum{g in G} u[g] + sum{t in D} e[t];

solve;

/* Reporting (lateness and load of the solution, not optimised). */
printf "rota unscheduled %d\n", round(sum{g in G} u[g]);
printf "rota makespan %d\n", max(floor, round(sum{t in D} e[t]));
printf "rota lateness %.6f\n", sum{(g, r) in Z} weight[g] * max(0, r - due[g]) * round(z[g, r]);
printf "rota largest-load %d\n",
    if card(A) = 0 then 0 else max{a in A} (histLoad[a] + sum{(c, a, d) in X} round(x[c, a, d]));
printf{(c, a, d) in X: x[c, a, d] > 0.5} "rota x %d %d %d %d\n", c, a, d, round(x[c, a, d]);
printf{(c, a, r) in Y: y[c, a, r] > 0.5} "rota y %d %d %d %d\n", c, a, r, round(y[c, a, r]);
printf{(c, r) in W: w[c, r] > 0.5} "rota w %d %d %d\n", c, r, round(w[c, r]);
printf{(g, r) in Z: z[g, r] > 0.5} "rota z %d %d %d\n", g, r, round(z[g, r]);

end;
