// The eligibility answer before Python has loaded: a generic evaluator of the decision
// structure the build compiles from the policy (calculators/rules/compiled.py).
//
// It knows field comparisons and calendar years, and nothing of the policy: which routes
// there are, what each requires, which values a field accepts all come from the structure.
// It answers only a request it can read with certainty (ids, as the form's choices send them;
// numbers and dates in their ranges); for anything else it returns null and the page waits
// for Python, whose answer replaces this one in any case. tests/calculators/test_early_rules.py
// holds it to Python's verdicts, met routes and opening dates.

const FORMAT = 1;
const DAY_MS = 86400000;

// Calendar years (calculators/rules/dates.py): N years from a date end on the same month and
// day N years later; from 29 February, on 28 February of a common year.

// A date as people write it (calculators/plumbing/written.py, whose patterns the rules
// carry): with a day, or a month alone, read as the month's last day.
function parseDay(text, written) {
  if (typeof text !== "string") return null;
  const plain = text.normalize("NFKC").replace(/^ +| +$/g, "");
  const whole = (pattern) => new RegExp(`^(?:${pattern})$`).exec(plain);
  const withDay = whole(written.day);
  if (withDay) return validDay(...withDay.slice(1, 4).map(Number));
  const monthOnly = whole(written.month);
  if (!monthOnly) return null;
  const [y, m] = monthOnly.slice(1, 3).map(Number);
  if (m < 1 || m > 12) return null;
  return validDay(y, m, [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
}

function validDay(y, m, d) {
  const day = new Date(Date.UTC(2000, m - 1, d));
  day.setUTCFullYear(y);
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? { y, m, d } : null;
}

const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const iso = ({ y, m, d }) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const before = (a, b) => iso(a) < iso(b);

function epochDays({ y, m, d }) {
  const day = new Date(Date.UTC(2000, m - 1, d));
  day.setUTCFullYear(y);
  return Math.round(day.getTime() / DAY_MS);
}

export function addYears(start, count) {
  const y = start.y + count;
  if (start.m === 2 && start.d === 29 && !isLeap(y)) return { y, m: 2, d: 28 };
  return { y, m: start.m, d: start.d };
}

// Whole years plus the fraction of the current one, so that `yearsBetween(s, e) >= n`
// exactly when `e >= addYears(s, n)`.
export function yearsBetween(start, end) {
  if (before(end, start)) return -yearsBetween(end, start);
  let whole = end.y - start.y;
  if (before(end, addYears(start, whole))) whole -= 1;
  const low = addYears(start, whole);
  const high = addYears(start, whole + 1);
  return whole + (epochDays(end) - epochDays(low)) / (epochDays(high) - epochDays(low));
}

// The request, checked against the declared fields: the facts with defaults filled in, or
// null when a value is not one this evaluator can be sure of.
function read(rules, request, today) {
  if (!request || typeof request !== "object" || Array.isArray(request)) return null;
  const facts = {};
  for (const name of Object.keys(request)) if (!(name in rules.fields)) return null;
  for (const [name, spec] of Object.entries(rules.fields)) {
    const value = request[name] ?? null;
    if (value === null) {
      facts[name] = spec.default;
      continue;
    }
    if (spec.type === "flag") {
      if (typeof value !== "boolean") return null;
    } else if (spec.type === "choice") {
      if (!spec.choices.includes(value)) return null;
    } else if (spec.type === "date") {
      const day = parseDay(value, rules.days.written);
      if (!day || iso(day) < rules.days.first || iso(day) > rules.days.last) return null;
      facts[name] = day;
      continue;
    } else if (spec.type === "number" || spec.type === "integer") {
      if (typeof value !== "number" || !Number.isFinite(value)) return null;
      if (spec.type === "integer" && !Number.isSafeInteger(value)) return null;
      if ("low" in spec && (value < spec.low || (spec.high !== null && value > spec.high))) return null;
    } else return null;
    facts[name] = value;
  }
  for (const [name, needed] of Object.entries(rules.requires)) {
    if (facts[name] !== null && facts[needed] === null) return null;
  }
  facts[rules.as_of] ??= parseDay(today, rules.days.written);
  if (!facts[rules.as_of]) return null;
  for (const name of rules.not_after_as_of) {
    if (facts[name] && before(facts[rules.as_of], facts[name])) return null;
  }
  return facts;
}

// The facts as the conditions read them: years as given or counted from their dates.
function derive(rules, facts) {
  const s = { ...facts };
  const asOf = facts[rules.as_of];
  for (const step of rules.derived) {
    if (step.earliest) {
      const days = step.earliest.map((name) => facts[name]).filter(Boolean);
      s[step.field] = days.reduce((a, b) => (before(b, a) ? b : a), days[0] ?? null);
      continue;
    }
    let years = facts[step.given];
    if (years === null && facts[step.since]) years = yearsBetween(facts[step.since], asOf);
    const floor = step.at_least ? s[step.at_least] : null;
    if (floor !== null && floor !== undefined) years = years === null ? floor : Math.max(years, floor);
    s[step.field] = years;
  }
  return s;
}

function holds(test, s) {
  const [op, field, value] = test;
  if (op === "any") return field.some((inner) => holds(inner, s));
  const have = s[field];
  if (op === "in") return value.includes(have);
  if (op === "is") return have === value;
  if (op === "ge") return typeof have === "number" && have >= value;
  throw new TypeError(op); // a test this evaluator does not know: the format check failed
}

// One condition: met or not, and the day it is met when that is a waiting period's end.
function condition(compiled, s) {
  const tests = compiled.all.every((test) => holds(test, s));
  const wait = compiled.wait;
  if (!wait) return { met: tests, from: null };
  const since = tests ? s[wait.since] : null;
  const from = since ? addYears(since, wait.years) : null;
  const have = s[wait.have];
  return { met: tests && have !== null && have >= wait.years, from };
}

function route(compiled, s) {
  const unmet = compiled.conditions.map((c) => condition(c, s)).filter((c) => !c.met);
  const waits = unmet.filter((c) => c.from).map((c) => c.from);
  const opens = unmet.length && waits.length === unmet.length ? waits.reduce((a, b) => (before(a, b) ? b : a)) : null;
  return { id: compiled.id, label: compiled.label, met: !unmet.length, unmet: unmet.length, opens };
}

// The level applied for: as given, else the next national level above the certificate; null
// when Python would refuse it (no route leads there, or it is not above the certificate).
function targetOf(rules, facts, routes) {
  const possible = new Set(routes.map((r) => r.target));
  const floor = facts.certificate ? rules.levels[facts.certificate].order : 0;
  let target = facts.target;
  if (target === null) {
    const above = Object.entries(rules.levels).filter(([, lv]) => lv.national && lv.order > floor);
    above.sort(([, a], [, b]) => a.order - b.order);
    target = above.length ? above[0][0] : null;
    return target !== null && possible.has(target) ? target : null;
  }
  return possible.has(target) && rules.levels[target].order > floor ? target : null;
}

// The decision for `request` on `today` (YYYY-MM-DD, used when the request gives no `as_of`),
// in the ids Python's summary uses; null when this evaluator leaves the request to Python.
export function decide(rules, request, today) {
  if (!rules || rules.format !== FORMAT) return null;
  const facts = read(rules, request, today);
  if (!facts) return null;
  const edition = facts.edition ?? rules.default_edition;
  // The rules in force that day (calculators/rules/compiled.py `_periods`): no rules yet,
  // an edition not yet issued, or other routes than these are Python's to refuse or decide.
  const period = rules.periods.filter((p) => p.from <= iso(facts[rules.as_of])).pop();
  if (!period || !period.editions.includes(edition)) return null;
  const pool = (rules.editions[edition] ?? []).filter((r) => facts.extensions || !r.extension);
  const target = targetOf(rules, facts, pool);
  if (target === null) return null;
  const s = derive(rules, facts);
  const routes = pool.filter((r) => r.target === target).map((r) => route(r, s));
  const met = routes.filter((r) => r.met);
  const dated = routes.filter((r) => r.opens);
  // The unmet route nearest to being met: the first to open, else the fewest conditions
  // missing (the first of equals, in the data's order).
  let closest = null;
  if (!met.length && routes.length) {
    const pool = dated.length ? dated : routes;
    const nearer = dated.length ? (a, b) => before(b.opens, a.opens) : (a, b) => b.unmet < a.unmet;
    closest = pool.reduce((a, b) => (nearer(a, b) ? b : a));
  }
  const opens = met.length || !dated.length ? null : dated.map((r) => r.opens).reduce((a, b) => (before(b, a) ? b : a));
  return {
    eligible: met.length > 0,
    edition,
    target,
    met_routes: met.map((r) => r.id),
    met_labels: met.map((r) => r.label),
    eligible_from: opens ? iso(opens) : null,
    closest_route: closest?.id ?? null,
    closest_label: closest?.label ?? null,
  };
}
