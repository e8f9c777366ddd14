// The scorecard's hire rule: a copy of macros/handbook/engine/scorecard.py `decide`, which is
// the one definition. tests/engine/test_scorecard_js.py runs this file under Node and proves it
// gives the same verdict and reason as the Python rule for every combination of ratings.
// Inputs: rule {no_hire_at, max_no, strong_hire_min}; axes [{id, name, expected}];
// ratings {axisId: "strong-no" | "no" | "yes" | "strong-yes"} (absent: not rated yet).
(function (root) {
  "use strict";
  var RATINGS = ["strong-no", "no", "yes", "strong-yes"];

  function names(axes) {
    return axes.map(function (axis) { return axis.name; }).join(", ");
  }

  function noHireReason(rule, rated) {
    var strongNo = rated.filter(function (r) { return r[1] === "strong-no"; }).map(first);
    if (strongNo.length) {
      return "strong-no on " + names(strongNo) + "; one strong-no means no-hire.";
    }
    var noes = rated.filter(function (r) { return r[1] === "no"; }).map(first);
    var needed = noes.filter(function (axis) { return axis.expected >= rule.no_hire_at; });
    if (needed.length) {
      return "no on " + needed[0].name + ", which this level needs at " + needed[0].expected +
        "; a no on an axis needed at " + rule.no_hire_at + " or more means no-hire.";
    }
    if (noes.length > rule.max_no) {
      return noes.length + " no ratings (" + names(noes) + "); more than " + rule.max_no +
        " means no-hire.";
    }
    return "";
  }

  function first(pair) { return pair[0]; }

  function hire(rule, rated) {
    var strong = rated.filter(function (r) { return r[1] === "strong-yes"; }).map(first);
    var noes = rated.filter(function (r) { return r[1] === "no"; }).map(first);
    if (!noes.length && strong.length >= rule.strong_hire_min) {
      return { verdict: "strong-hire", reason: "Strong-yes on " + strong.length + " axes (" +
        names(strong) + ") and no no; " + rule.strong_hire_min +
        " or more strong-yes with no no is a strong hire." };
    }
    if (noes.length) {
      return { verdict: "hire", reason: "Yes or better on every axis but " + names(noes) +
        ", which this level needs below " + rule.no_hire_at + "; the bar is met." };
    }
    return { verdict: "hire", reason: "Yes or better on every axis; the bar is met." };
  }

  function decide(rule, axes, ratings) {
    Object.keys(ratings).forEach(function (id) {
      if (!axes.some(function (axis) { return axis.id === id; })) {
        throw new Error("unknown axis '" + id + "'");
      }
      if (RATINGS.indexOf(ratings[id]) < 0) throw new Error("unknown rating '" + ratings[id] + "'");
    });
    var has = function (axis) { return Object.prototype.hasOwnProperty.call(ratings, axis.id); };
    var rated = axes.filter(has).map(function (axis) { return [axis, ratings[axis.id]]; });
    var missing = axes.filter(function (axis) { return !has(axis); });
    var noHire = noHireReason(rule, rated);
    if (missing.length) {
      var reason = missing.length + " of " + axes.length + " axes not rated yet: " +
        names(missing) + ".";
      if (noHire) reason += " The ratings so far already mean no-hire: " + noHire;
      return { verdict: "incomplete", reason: reason };
    }
    if (noHire) {
      return { verdict: "no-hire", reason: noHire.charAt(0).toUpperCase() + noHire.slice(1) };
    }
    return hire(rule, rated);
  }

  var api = { RATINGS: RATINGS, decide: decide };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.HandbookScorecardRule = api;
})(this);
