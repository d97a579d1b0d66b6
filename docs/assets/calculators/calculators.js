// The calculator pages' glue: form ⇄ URL query, answers from Python running in a worker.
//
// Loaded only by calculator pages (the build adds it where a `[data-calculator]` form is).
// It holds no rule and no wording: the answers come from the calculators package (the same
// Python the site is built with), the words from the catalogue of wording
// (calculators/plumbing/wording.py, the keys of SCRIPT_WORDING, in the page's language: `#calc-labels`),
// and each form's fields from the calculator's declaration (`[data-calc-fields]`).
// Equivalence answers appear at once from the table the build computed with that same code
// (`[data-calc-answers]`), and are confirmed by the runtime once it has loaded.
// Eligibility answers appear at once too, provisionally: rules.js evaluates the rules the
// build compiled from the policy (`[data-calc-rules]`); the runtime's answer replaces it.

const runtimeConfig = JSON.parse(document.getElementById("calc-runtime").textContent);
const { el, fill, readJSON, today } = await import(new URL(runtimeConfig.common, document.baseURI).href);

const lang = document.documentElement.lang.startsWith("en") ? "en" : "zh";
const words = readJSON("calc-labels");

const text = (record) => (record && typeof record === "object" ? record[lang] : record) ?? "";

// Links to the clauses and documents an answer rests on, and the confidence marks: the build
// rendered one of each (hidden, `[data-ref]`) with its label and address; answers reuse them.
const refs = new Map();
for (const holder of document.querySelectorAll("[data-ref]")) {
  const link = holder.querySelector("a");
  if (link) refs.set(holder.dataset.ref, link);
}

function ref(id, fallback) {
  const known = refs.get(id);
  if (!known) return el("span", {}, text(fallback) || id);
  return known.cloneNode(true);
}

const confidence = (mark) => (mark ? ref(`confidence-${mark}`, mark) : null);

function joined(nodes, separator = words["separator"]) {
  return nodes.flatMap((node, i) => (i ? [separator, node] : [node]));
}

// An answer's view (calculators/interfaces/view.py) as elements: the page only lays it out.
function build(node) {
  if ("ref" in node) {
    const link = ref(node.ref, node.label);
    if (node.text) link.textContent = text(node.text);
    return link;
  }
  if ("confidence" in node) return confidence(node.confidence);
  if ("text" in node) return text(node.text);
  return el(node.tag, { class: node.class, ...node.attrs }, ...node.children.map(build));
}

// Under every answer: copy its address (it restores the form and the answer), print it; and,
// for the printout only, when it was checked, where, and what was entered.
function actions(calculator) {
  const copy = el("button", { type: "button", class: "md-button calc-copy" }, words["calc-copy-link"]);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copy.textContent = words["calc-copied"];
    } catch {
      window.prompt(words["calc-copy-link"], location.href);
    }
  });
  const print = el("button", { type: "button", class: "md-button calc-print" }, words["calc-print"]);
  print.addEventListener("click", () => window.print());
  const entered = [...calculator.form.elements]
    .filter((field) => field.name && (field.type === "checkbox" ? field.checked : field.value !== ""))
    .map((field) => {
      const label = calculator.form.querySelector(`label[for="${field.id}"]`)?.textContent ?? field.name;
      const value = field.tagName === "SELECT" ? field.selectedOptions[0]?.textContent : field.type === "checkbox" ? words["mark-met"] : field.value;
      return el("li", {}, `${label}${words.colon}${value}`);
    });
  const now = new Date();
  const checked = now.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "long", timeStyle: "short" });
  return [
    el("p", { class: "calc-actions calc-answer-actions" }, copy, " ", print),
    el(
      "div",
      { class: "calc-print-only" },
      el("p", {}, `${words["calc-checked-at"]}${words.colon}${checked}`),
      el("p", {}, `${words["calc-address"]}${words.colon}${location.href}`),
      subhead(words["calc-inputs"]),
      el("ul", {}, ...entered),
    ),
  ];
}

// A printout shows everything: folded parts open while printing.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll(".calc-result details:not([open])")) {
    details.dataset.printOpened = "";
    details.open = true;
  }
});
window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll(".calc-result details[data-print-opened]")) {
    delete details.dataset.printOpened;
    details.open = false;
  }
});

const subhead = (label) => el("p", { class: "calc-subhead" }, el("strong", {}, label));

// Forms and the URL query

// Each field the calculator declares (`{name, query, type}`, in the form's order), with its
// element in the form.
function declared(form, fields) {
  return fields
    .map((spec) => ({ ...spec, field: form.elements.namedItem(spec.name) }))
    .filter(({ field }) => field);
}

function requestFrom(form, fields) {
  const request = {};
  for (const { name, type, field } of declared(form, fields)) {
    if (field.disabled) continue;
    if (type === "flag") request[name] = field.checked;
    else if (field.value === "") continue;
    else if (type === "number" || type === "integer") request[name] = Number(field.value);
    else request[name] = field.value;
  }
  return request;
}

// The query holds every filled field and every checkbox, written out either way
// (`hired=true` / `hired=false`), so an address means the same whatever the form's defaults
// are or become. Reading one, a field the query does not name keeps the form's default: a
// hand-written `?level=technician` is the same as the form with only the level chosen.
// A value the field cannot hold (an unknown level, `1e309`, `NaN`, `2023-02-30`, a second
// value for the same field) leaves the default too, but is reported, never dropped in silence.
const YES = ["true", "1", "on", "yes"];
const NO = ["false", "0", "off", "no"];

function queryFrom(fields, request) {
  const query = new URLSearchParams();
  for (const { name, query: key } of fields) {
    if (name in request) query.set(key, String(request[name]));
  }
  return query;
}

// The form as the query says; returns the values it could not take ([{field, value}]), or
// null when the query names no field of this form.
function fillFrom(form, fields, query) {
  const known = declared(form, fields);
  if (!known.some((spec) => query.has(spec.query))) return null;
  const ignored = [];
  for (const { query: key, field } of known) {
    const [value = null, ...extra] = query.getAll(key);
    let understood = true;
    if (field.type === "checkbox") {
      const given = value?.trim().toLowerCase();
      understood = YES.includes(given) || NO.includes(given);
      field.checked = understood ? YES.includes(given) : field.defaultChecked;
    } else if (field.tagName === "SELECT") {
      const options = [...field.options];
      understood = options.some((option) => option.value === value);
      const initial = options.find((option) => option.defaultSelected) ?? options[0];
      field.value = understood ? value : (initial?.value ?? "");
    } else {
      field.value = value ?? field.defaultValue;
      understood = field.value === value; // the browser empties what its type cannot hold
    }
    for (const dropped of [...(value === null || understood ? [] : [value]), ...extra]) {
      ignored.push({ field, value: dropped });
    }
  }
  return ignored;
}

// Which values of the address were left out, above the answer, each field marked invalid
// (and described by the note) until the visitor next changes the form.
function showIgnored(calculator) {
  const { form, result, ignored } = calculator;
  calculator.note ??= el("p", { class: "calc-ignored", id: `${form.id}-ignored` });
  if (!calculator.note.isConnected) result.before(calculator.note);
  const named = ignored.map(({ field, value }) => {
    const label = form.querySelector(`label[for="${field.id}"]`)?.textContent.trim() ?? field.name;
    const shown = value.length > 60 ? `${value.slice(0, 59)}…` : value;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", calculator.note.id);
    return `${label}${words.colon}${fill(words["quoted"], { value: shown })}`;
  });
  calculator.note.hidden = !named.length;
  calculator.note.replaceChildren(words["calc-ignored"], ...joined(named, words["list-sep"]));
}

function forgetIgnored(calculator) {
  for (const { field } of calculator.ignored) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
  }
  calculator.ignored = [];
  showIgnored(calculator);
}

const canonical = (request) => JSON.stringify(request, Object.keys(request).sort());

function show(calculator, response, engine) {
  const { form, result } = calculator;
  // The runtime confirming the build-time answer changes nothing a reader sees: keep the
  // content (and the live region quiet), record only who answered.
  const shown = JSON.stringify(response);
  if (shown === calculator.shown) {
    result.dataset.engine = engine;
    focusVerdict(calculator); // sent again unchanged: the reader still goes to the answer
    return;
  }
  calculator.shown = shown;
  const ignored = new Set(calculator.ignored.map((entry) => entry.field));
  for (const field of form.elements) if (!ignored.has(field)) field.removeAttribute?.("aria-invalid");
  forgetData(calculator);
  result.removeAttribute("aria-busy");
  result.dataset.engine = engine;
  if (response.error) {
    const field = response.error.field && form.elements.namedItem(response.error.field);
    if (field && field.setAttribute) field.setAttribute("aria-invalid", "true");
    result.dataset.error = response.error.field || "request";
    result.replaceChildren(el("p", { class: "calc-error" }, text(response.error.message)));
    return;
  }
  const [buttons, printed] = actions(calculator);
  calculator.data = Object.keys(response.view.data);
  Object.assign(result.dataset, response.view.data);
  const focused = result.contains(document.activeElement); // on the early answer's verdict
  result.replaceChildren(printed, ...response.view.nodes.map(build), buttons);
  if (focused) result.querySelector(".calc-verdict")?.focus({ preventScroll: true });
  focusVerdict(calculator);
}

// After sending, or on a shared address: focus and view move to the verdict, once.
function focusVerdict(calculator) {
  if (!calculator.focusAnswer) return;
  calculator.focusAnswer = false;
  calculator.result.querySelector(".calc-verdict")?.focus({ preventScroll: true });
  calculator.result.scrollIntoView({ block: "start" });
}

// The values the last answer put on the result element (`data-eligible`, …), and its error.
function forgetData(calculator) {
  for (const name of [...(calculator.data ?? []), "error"]) delete calculator.result.dataset[name];
}

function showNote(calculator, message) {
  calculator.shown = null;
  const toTables = worker.state === "failed" ? el("a", { href: "#table" }, words["calc-table-link"]) : null;
  calculator.result.removeAttribute("aria-busy");
  calculator.result.replaceChildren(el("p", { class: "calc-note" }, message, toTables ? " " : null, toTables));
}

// The early answer

// The evaluator of compiled rules, loaded beside this script (its address carries its digest).
const evaluator = runtimeConfig.rules
  ? import(new URL(runtimeConfig.rules, document.baseURI).href).catch((error) => {
      console.error("calculators: the early answer's evaluator did not load:", error);
      return null;
    })
  : Promise.resolve(null);

function readRules(kind) {
  const node = document.querySelector(`[data-calc-rules="${kind}"]`);
  return node ? JSON.parse(node.textContent) : null;
}

// The decision the compiled rules give for `request`, or null (none compiled for this
// calculator, or a request the evaluator leaves to Python).
async function earlyDecision(calculator, request) {
  if (!calculator.rules) return null;
  const rules = await evaluator;
  return rules ? rules.decide(calculator.rules, request, today()) : null;
}

// Its verdict in the words of Python's own headline, marked provisional until Python answers.
function showEarly(calculator, decision) {
  const { result, rules } = calculator;
  const target = text(rules.levels[decision.target].label);
  let headline;
  if (decision.eligible) {
    headline = fill(words["headline-eligible"], { target, labels: decision.met_labels.join(words["or-sep"]) });
  } else if (decision.eligible_from) {
    const [year, month, day] = decision.eligible_from.split("-").map(Number);
    const date = fill(words["human-date"], { year, month, day, month_name: rules.month_names_en[month - 1] });
    headline = fill(words["headline-from"], { target, date, label: decision.closest_label });
  } else {
    headline = fill(words["calc-early-not-yet"], { target, label: decision.closest_label });
  }
  calculator.shown = null;
  forgetData(calculator);
  result.removeAttribute("aria-busy");
  result.dataset.engine = "early";
  calculator.data = ["eligible"];
  result.dataset.eligible = String(decision.eligible);
  const verdict = el("h3", { class: `calc-verdict ${decision.eligible ? "calc-yes" : "calc-no"}`, tabindex: "-1" }, headline);
  result.replaceChildren(verdict, el("p", { class: "calc-provisional" }, words["calc-early-provisional"]));
  if (worker.state === "failed") markUnconfirmed(calculator);
  focusVerdict(calculator);
}

// The early answer once the runtime cannot start: no longer "provisional until Python
// confirms", for nothing will; it says that Python could not check it and what it rests on.
function markUnconfirmed(calculator) {
  const line = calculator.result.querySelector(".calc-provisional");
  if (!line) return;
  line.textContent = words["calc-early-unconfirmed"];
  line.dataset.unconfirmed = "";
}

// The language selector leads to the same calculator in the other language: keep the inputs.
// (Material's own handler of these links would drop the query, so it is not asked.)
function carryQuery() {
  for (const link of document.querySelectorAll("a[hreflang]")) {
    const target = new URL(link.href);
    target.search = location.search;
    link.href = target.href;
    link.onclick ??= (event) => event.stopPropagation();
  }
}

// The worker

const worker = {
  state: "loading",
  pending: new Map(),
  waiting: [],
  next: 1,
  handle: null,
};

// `why`: a label said before the state's own (what went wrong, when that is known).
function setStatus(state, why) {
  worker.state = state;
  for (const status of document.querySelectorAll("[data-calc-status]")) {
    status.dataset.state = state;
    delete status.dataset.phase;
    status.textContent = [words[why], words[`calc-runtime-${state}`]].filter(Boolean).join(" ");
  }
}

// How the runtime started ("fresh" or from a saved "snapshot") and whether this visit saved one,
// as data attributes on the status element: the benchmark and the tests read them.
function markStatus(name, value) {
  for (const status of document.querySelectorAll("[data-calc-status]")) status.dataset[name] = value;
}

function startWorker() {
  setStatus("loading");
  let handle;
  try {
    handle = new Worker(new URL(runtimeConfig.worker, document.baseURI), { type: "module" });
  } catch (error) {
    failed(error);
    return;
  }
  worker.handle = handle;
  handle.onmessage = ({ data }) => {
    if (data.type === "ready") {
      setStatus("ready");
      markStatus("start", data.start);
      for (const job of worker.waiting.splice(0)) send(job);
    } else if (data.type === "progress") {
      showArrival(data.loaded, data.total);
    } else if (data.type === "restarting") {
      setStatus("loading");
    } else if (data.type === "snapshot") {
      markStatus("snapshot", data.saved ? "saved" : "none");
    } else if (data.type === "failed") {
      failed(data.message, data.checksum ? "calc-runtime-checksum" : undefined);
    } else if (data.type === "result") {
      const job = worker.pending.get(data.id);
      worker.pending.delete(data.id);
      if (!job) return;
      if (data.failed) {
        // The runtime cannot answer: the status must not go on saying it is ready.
        job.reject(new Error(data.failed));
        failed(data.failed);
      } else job.resolve(JSON.parse(data.response));
    }
  };
  handle.onerror = (event) => {
    event.preventDefault();
    failed(event.message || "worker error");
  };
  handle.postMessage({
    type: "init",
    indexURL: new URL(runtimeConfig.indexURL, document.baseURI).href,
    stdLibURL: new URL(runtimeConfig.stdLibURL, document.baseURI).href,
    lockFileURL: new URL(runtimeConfig.lockFileURL, document.baseURI).href,
    package: runtimeConfig.package,
    snapshot: runtimeConfig.snapshot,
    sizes: Object.fromEntries(Object.entries(runtimeConfig.sizes ?? {}).map(([url, size]) => [new URL(url, document.baseURI).href, size])),
  });
}

// While the runtime loads: how much of it has arrived, then that Python is starting
// (`data-phase`: "arriving", "starting"). The state stays "loading" until it is ready.
const MB = 1e6;

function showArrival(loaded, total) {
  if (worker.state !== "loading" || !total) return;
  const phase = loaded >= total ? "starting" : "arriving";
  const mb = (bytes) => (bytes / MB).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const said = phase === "starting" ? words["calc-runtime-starting"] : fill(words["calc-runtime-arriving"], { loaded: mb(loaded), total: mb(total) });
  for (const status of document.querySelectorAll("[data-calc-status]")) {
    status.dataset.phase = phase;
    status.textContent = said;
  }
}

function failed(reason, why) {
  if (worker.state === "failed") return;
  console.error("calculators: the Python runtime did not load:", reason);
  setStatus("failed", why);
  for (const job of [...worker.waiting.splice(0), ...worker.pending.values()]) job.reject(new Error("runtime failed"));
  worker.pending.clear();
  worker.handle?.terminate();
}

function send(job) {
  const id = worker.next++;
  worker.pending.set(id, job);
  worker.handle.postMessage({ type: "run", id, kind: job.kind, request: job.request });
}

function run(kind, request) {
  return new Promise((resolve, reject) => {
    const job = { kind, request: JSON.stringify(request), resolve, reject };
    if (worker.state === "ready") send(job);
    else if (worker.state === "failed") reject(new Error("runtime failed"));
    else worker.waiting.push(job);
  });
}

// Each calculator on the page

function setUp(container) {
  const kind = container.dataset.calculator;
  const form = container.querySelector("form");
  const result = container.querySelector("[data-calc-result]");
  const answers = JSON.parse(container.querySelector("[data-calc-answers]")?.textContent || "{}");
  const fields = JSON.parse(container.querySelector("[data-calc-fields]").textContent);
  const calculator = { kind, form, result, answers, rules: readRules(kind), asked: 0, ignored: [] };

  async function answer({ updateURL }) {
    const request = requestFrom(form, fields);
    if (updateURL) {
      if (calculator.ignored.length) forgetIgnored(calculator); // the address is rewritten
      const query = queryFrom(fields, request).toString();
      history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
      carryQuery();
    }
    const asked = ++calculator.asked;
    const known = answers[canonical(request)];
    // Once the runtime is ready it answers in milliseconds: no provisional answer first.
    const early = known || worker.state === "ready" ? null : await earlyDecision(calculator, request);
    if (asked !== calculator.asked) return; // asked again meanwhile: that answer follows
    if (known) show(calculator, known, "table");
    else if (early) showEarly(calculator, early);
    else {
      calculator.shown = null;
      forgetData(calculator);
      delete result.dataset.engine;
      result.setAttribute("aria-busy", "true");
      if (worker.state !== "ready") showNote(calculator, words[`calc-waiting-${worker.state}`]);
    }
    try {
      const response = await run(kind, request);
      if (asked === calculator.asked) show(calculator, response, "python");
    } catch {
      // an early answer stays, saying that Python could not check it; the status says why
      if (asked !== calculator.asked || known) return;
      if (early) markUnconfirmed(calculator);
      else showNote(calculator, words["calc-waiting-failed"]);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    calculator.focusAnswer = true;
    answer({ updateURL: true });
  });
  if (container.dataset.live !== undefined) {
    form.addEventListener("change", () => answer({ updateURL: true }));
  }
  const ignored = fillFrom(form, fields, new URLSearchParams(location.search));
  if (ignored?.length) {
    calculator.ignored = ignored;
    showIgnored(calculator);
  }
  // A shared address opens on its answer: the form is filled above it, the answer in view.
  if (ignored) calculator.focusAnswer = true;
  if (ignored || container.dataset.live !== undefined) answer({ updateURL: false });
}

const containers = document.querySelectorAll("[data-calculator]");
if (containers.length) {
  startWorker();
  containers.forEach(setUp);
  carryQuery();
}
