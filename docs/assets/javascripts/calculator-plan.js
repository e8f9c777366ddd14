// Team calculator, the plan's presentation (loaded only by /calculator/, right before calculator.js).
//
// Pure functions from a plan (the Python engine's answer) to what the page shows: DOM nodes for the
// result region and Markdown for "Copy plan as Markdown". Nothing here reads the URL, talks to the
// engine or changes the page; calculator.js passes in what is needed and puts the nodes in place.
//
// The context argument holds:
//   root          the site root, relative to the page ("../")
//   titles        {roles: {id: title}, axes: {id: title}}, from the page's boot data
//   optionTitles  {archetype, stage, data}: each a Map of the form's option values to their labels
//   pageURL       the page's absolute URL, for the absolute links of the Markdown export
//   edition       the handbook edition whose rules made the plan
//
// Nothing from the URL or the plan is ever inserted as HTML: every string becomes a text node.

(() => {
"use strict";

// ---------------------------------------------------------------- names and links

function ownEntry(object, key) {
  return object && Object.hasOwn(object, key) ? object[key] : undefined;
}

function roleTitle(roleId, context) {
  return ownEntry(context.titles.roles, roleId) ?? roleId;
}

function levelTitle(roleId, levelId, context) {
  return ownEntry(ownEntry(context.titles.levels ?? {}, roleId) ?? {}, levelId) ?? levelId;
}

function axisTitle(axisId, context) {
  return ownEntry(context.titles.axes, axisId) ?? axisId;
}

function optionTitle(field, value, context) {
  return context.optionTitles[field].get(value) ?? value;
}

// Links in the plan are site-root-relative ("team-composition/#..."); anything else is not a link.
function siteHref(link, context) {
  return /^[a-z][a-z0-9+.-]*:|^\/|^\\/i.test(link) ? null : context.root + link;
}

function roleHref(roleId, context) {
  return `${context.root}roles/${encodeURIComponent(roleId)}/`;
}

function absolute(href, context) {
  return new URL(href, context.pageURL).href;
}

// ---------------------------------------------------------------- what both views share

function planSummary(plan, context) {
  const { input } = plan;
  const total = Object.values(plan.composition).reduce((sum, count) => sum + count, 0);
  const hires = input.headcount === 1 ? "1 new hire" : `${input.headcount} new hires`;
  return `${optionTitle("archetype", input.archetype, context)}, ` +
    `${optionTitle("stage", input.stage, context).toLowerCase()} stage, ` +
    `${optionTitle("data", input.data, context).toLowerCase()} data complexity: ` +
    `${hires}${input.lead_now === true ? " (with a full-time lead now)" : ""}, for a team of ${total}.`;
}

// "needed now", "needed before hire 4", "needed before launch"; with "until hire 6 (ML lead)"
// when a hire in the plan takes the work over.
function taskTiming(task, plan, context) {
  const needed = `needed ${task.needed}`;
  if (!Number.isInteger(task.until)) return needed;
  const closer = plan.hiring_order[task.until - 1];
  return `${needed}, until hire ${task.until} (${roleTitle(closer, context)})`;
}

// What would close a skill gap: the roles whose usual level reaches it, else a stronger candidate.
function gapCloser(axis, context) {
  if (axis.status !== "gap") return "";
  const roles = (axis.closed_by || []).map((closer) => levelTitle(closer.role, closer.level, context));
  if (roles.length) return `a hire: ${roles.join(" or ")}`;
  return `a candidate at level ${axis.needed}, above every level the roles describe`;
}

function compositionRows(plan) {
  return Object.entries(plan.composition).map(([roleId, count]) => {
    const existing = ownEntry(plan.input.existing, roleId) ?? 0;
    return { roleId, existing, added: count - existing, count };
  });
}

// ---------------------------------------------------------------- DOM nodes

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children); // strings become text nodes, never HTML
  return element;
}

function roleLink(roleId, context) {
  return el("a", { href: roleHref(roleId, context) }, roleTitle(roleId, context));
}

function resultTitle() {
  return el("h2", { id: "calculator-result-title" }, "Your hiring plan");
}

function compositionTable(plan, context) {
  const rows = compositionRows(plan).map((row) => el(
    "tr", { "data-role": row.roleId, "data-count": String(row.count) },
    el("th", { scope: "row" }, roleLink(row.roleId, context)),
    el("td", {}, String(row.existing)), el("td", {}, String(row.added)), el("td", {}, String(row.count)),
  ));
  return el("table", { class: "hb-table hb-calc-table", id: "calc-composition" },
    el("caption", {}, "Team composition after these hires"),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, "Role"), el("th", { scope: "col" }, "Already on the team"),
      el("th", { scope: "col" }, "New hires"), el("th", { scope: "col" }, "Total"))),
    el("tbody", {}, ...rows));
}

function hiringOrder(plan, context) {
  const items = plan.hires.map((hire, index) => {
    const href = siteHref(hire.link, context);
    const title = roleTitle(hire.role, context);
    const kit = siteHref(hire.kit, context);
    return el("li", { "data-role": hire.role, "data-level": hire.level },
      `Hire ${index + 1} · `, href ? el("a", { href }, title) : title, `: ${hire.why} `,
      kit ? el("a", { href: kit, class: "hb-calc-kit" }, `Interview kit: ${levelTitle(hire.role, hire.level, context)}`) : "");
  });
  return [el("h3", {}, "Hiring order, and why each hire"),
    el("ol", { id: "hiring-order", class: "hb-calc-hires" }, ...items)];
}

function fractionalTasks(plan, context) {
  const heading = el("h3", {}, "Work for part-time specialists");
  if (!plan.fractional.length) {
    return [heading, el("p", {}, "None: the team covers this work itself.")];
  }
  const items = plan.fractional.map((task) => el("li", { "data-task": task.id, "data-needed": task.needed },
    el("a", { href: `${context.root}team-composition/#task-${encodeURIComponent(task.id)}` }, task.title),
    " — ", el("span", { class: "hb-calc-when" }, taskTiming(task, plan, context)), `: ${task.why}`));
  return [heading, el("ul", { id: "calc-fractional" }, ...items)];
}

function rationaleList(plan, context) {
  const items = plan.rationale.map((reason) => {
    const href = siteHref(reason.link, context);
    return el("li", {}, href ? el("a", { href }, reason.text) : reason.text);
  });
  return [el("h3", {}, "Why this plan"), el("ul", { id: "calc-rationale" }, ...items)];
}

function statusLabel(status) {
  return status === "met" ? "Met" : status === "gap" ? "Gap" : String(status);
}

function coverageTable(plan, context) {
  const rows = plan.coverage.map((axis) => el("tr", { "data-axis": axis.axis, "data-status": axis.status },
    el("th", { scope: "row" }, axisTitle(axis.axis, context)),
    el("td", {}, String(axis.needed)), el("td", {}, String(axis.have)), el("td", {}, statusLabel(axis.status)),
    el("td", { class: "hb-calc-closer" }, gapCloser(axis, context))));
  return [el("h3", {}, "Skill coverage"), el("table", { class: "hb-table hb-calc-table", id: "calc-coverage" },
    el("caption", {}, "The team's best level on each skill axis against what this kind of project needs (levels 1 to 4)"),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, "Skill axis"), el("th", { scope: "col" }, "Needed"),
      el("th", { scope: "col" }, "Team has"), el("th", { scope: "col" }, "Status"),
      el("th", { scope: "col" }, "What would close a gap"))),
    el("tbody", {}, ...rows))];
}

function planNodes(plan, context) {
  return [
    resultTitle(),
    el("p", { class: "hb-calc-summary" }, planSummary(plan, context)),
    compositionTable(plan, context),
    ...hiringOrder(plan, context),
    ...fractionalTasks(plan, context),
    ...rationaleList(plan, context),
    ...coverageTable(plan, context),
  ];
}

// The one-line summary kept in view on phones, so that a change of a field is never invisible.
// Up to this many hires, the summary names each in order; past it, how many of each role (in
// the order they first appear) and the first few, so that it stays a line or two on a phone.
const MINI_LISTED = 3;

function miniSummaryNodes(plan, context) {
  const hires = plan.hires.length === 1 ? "1 new hire" : `${plan.hires.length} new hires`;
  const tasks = plan.fractional.length === 1 ? "1 part-time task" : `${plan.fractional.length} part-time tasks`;
  const titles = (some) => some.map((hire) => roleTitle(hire.role, context)).join(", ");
  if (plan.hires.length <= MINI_LISTED) return [`Your plan: ${hires}: ${titles(plan.hires)}; ${tasks}.`];
  const counts = new Map();
  for (const hire of plan.hires) counts.set(hire.role, (counts.get(hire.role) || 0) + 1);
  const mix = Array.from(counts, ([role, count]) => `${roleTitle(role, context)} ×${count}`).join(", ");
  const first = titles(plan.hires.slice(0, MINI_LISTED));
  return [`Your plan: ${hires} (${mix}), starting with ${first}; ${tasks}.`];
}

function errorNodes(message) {
  return [
    resultTitle(),
    el("p", { class: "hb-calc-error", id: "calculator-error" }, `This plan cannot be worked out: ${message}.`),
    el("p", {}, "Change any field above to start again; the link in the address bar follows your changes."),
  ];
}

function waitingNodes() {
  return [
    resultTitle(),
    el("p", { class: "hb-note" }, "Waiting for the Python engine to load; the plan appears here when it is ready…"),
  ];
}

// ---------------------------------------------------------------- Markdown

function markdownCell(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map(markdownCell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}

function markdownComposition(plan, context) {
  const rows = compositionRows(plan).map((row) => [
    `[${roleTitle(row.roleId, context)}](${absolute(roleHref(row.roleId, context), context)})`,
    row.existing, row.added, row.count,
  ]);
  return markdownTable(["Role", "Existing", "New", "Total"], rows);
}

function markdownReasons(plan, context) {
  return plan.rationale.map((reason) => {
    const href = siteHref(reason.link, context);
    return href ? `- ${reason.text} ([handbook](${absolute(href, context)}))` : `- ${reason.text}`;
  });
}

function markdownCoverage(plan, context) {
  const rows = plan.coverage.map((axis) => [
    axisTitle(axis.axis, context), axis.needed, axis.have, axis.status, gapCloser(axis, context)]);
  return markdownTable(["Skill axis", "Needed", "Team has", "Status", "What would close a gap"], rows);
}

function markdownHires(plan, context) {
  return plan.hires.map((hire, index) => {
    const href = siteHref(hire.link, context);
    const title = roleTitle(hire.role, context);
    const name = href ? `[${title}](${absolute(href, context)})` : title;
    return `${index + 1}. ${name}: ${hire.why}`;
  });
}

function planMarkdown(plan, context) {
  const tasks = plan.fractional.map((task) => `- **${task.title}** — ${taskTiming(task, plan, context)}: ${task.why}`);
  return [
    "# Hiring plan", "", planSummary(plan, context), "",
    `Made with the ML hiring handbook, edition ${context.edition}: ${context.pageURL}`, "",
    "## Team composition", "", markdownComposition(plan, context), "",
    "## Hiring order, and why each hire", "", ...markdownHires(plan, context), "",
    "## Work for part-time specialists", "", ...(tasks.length ? tasks : ["None."]), "",
    "## Why this plan", "", ...markdownReasons(plan, context), "",
    "## Skill coverage", "", markdownCoverage(plan, context), "",
  ].join("\n");
}

window.HandbookCalculatorPlan = Object.freeze({ planNodes, errorNodes, waitingNodes, planMarkdown, miniSummaryNodes });
})();
