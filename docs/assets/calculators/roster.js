// The roster page: a whole staff list checked in the browser; the file is sent nowhere.
//
// Loaded only by the roster page (build/hgpolicy/templates/calc-roster.md.j2). It holds no rule
// and no wording: each row is answered by the calculators package in the calculators' worker
// (worker.js, the "roster" message: calculators/roster/page.py), the words come from the
// catalogue of wording (calculators/roster/wording.py SCRIPT_WORDING, in the page's language:
// `#roster-labels`), and the statuses' names come with the answer. The file's bytes are handed
// to the worker (transferred, not copied) and go nowhere else; the results come back as the
// table's rows and as .xlsx and .csv bytes, offered for download through Blob URLs.

const runtimeConfig = JSON.parse(document.getElementById("calc-runtime").textContent);
const { el, fill, readJSON, today } = await import(new URL(runtimeConfig.common, document.baseURI).href);

const lang = document.documentElement.lang.startsWith("en") ? "en" : "zh";
const { maxFileMB, words } = readJSON("roster-labels");
const number = (n) => n.toLocaleString(lang === "zh" ? "zh-CN" : "en-GB");

const root = document.querySelector("[data-roster]");
const fileInput = root.querySelector("#roster-file");
const dropZone = root.querySelector("[data-roster-drop]");
const pasted = root.querySelector("#roster-paste");
const pasteButton = root.querySelector("[data-roster-paste]");
const statusLine = root.querySelector("[data-calc-status]");
const announce = root.querySelector("[data-roster-announce]");
const progressBox = root.querySelector("[data-roster-progress]");
const progressBar = progressBox.querySelector("progress");
const progressText = progressBox.querySelector("[data-roster-progress-text]");
const result = root.querySelector("[data-roster-result]");

// The worker (the same one, and the same start-up, as the form calculators')

const worker = { state: "loading", handle: null, next: 1, pending: new Map(), waiting: [] };

function setStatus(state, why) {
  worker.state = state;
  statusLine.dataset.state = state;
  statusLine.textContent = [words[why], words[`calc-runtime-${state}`]].filter(Boolean).join(" ");
}

function startWorker() {
  setStatus("loading");
  try {
    worker.handle = new Worker(new URL(runtimeConfig.worker, document.baseURI), { type: "module" });
  } catch (error) {
    failed(error);
    return;
  }
  worker.handle.onmessage = ({ data }) => {
    if (data.type === "ready") {
      setStatus("ready");
      statusLine.dataset.start = data.start;
      for (const job of worker.waiting.splice(0)) send(job);
    } else if (data.type === "restarting") {
      setStatus("loading");
    } else if (data.type === "failed") {
      failed(data.message, data.checksum ? "calc-runtime-checksum" : undefined);
    } else if (data.type === "progress") {
      worker.pending.get(data.id)?.progress(data.done, data.total);
    } else if (data.type === "result") {
      const job = worker.pending.get(data.id);
      worker.pending.delete(data.id);
      if (!job) return;
      if (data.failed) job.reject(new Error(data.failed));
      else job.resolve({ answer: JSON.parse(data.response), files: data.files });
    }
  };
  worker.handle.onerror = (event) => {
    event.preventDefault();
    failed(event.message || "worker error");
  };
  worker.handle.postMessage({
    type: "init",
    indexURL: new URL(runtimeConfig.indexURL, document.baseURI).href,
    stdLibURL: new URL(runtimeConfig.stdLibURL, document.baseURI).href,
    lockFileURL: new URL(runtimeConfig.lockFileURL, document.baseURI).href,
    package: runtimeConfig.package,
    snapshot: runtimeConfig.snapshot,
  });
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
  const { bytes } = job;
  job.bytes = null;
  worker.handle.postMessage({ type: "roster", id, bytes, lang, asOf: today() }, [bytes]);
}

function checkBytes(bytes, progress) {
  return new Promise((resolve, reject) => {
    const job = { bytes, progress, resolve, reject };
    if (worker.state === "ready") send(job);
    else if (worker.state === "failed") reject(new Error("runtime failed"));
    else worker.waiting.push(job);
  });
}

// Input: a chosen or dropped file, or pasted cells

let asked = 0;
let shown = null; // what is on screen: {rows, links, ...}

async function check(read, source) {
  const mine = ++asked;
  forget();
  result.setAttribute("aria-busy", "true");
  showProgress(0, 0, words["roster-page-reading"]);
  try {
    const bytes = await read();
    const { answer, files } = await checkBytes(bytes, (done, total) => {
      if (mine === asked) showProgress(done, total);
    });
    if (mine !== asked) return;
    if (answer.error) showMessage(answer.error.message, "calc-error");
    else showRoster(answer, files, source);
  } catch (error) {
    console.error("calculators: the roster was not checked:", error);
    if (mine === asked) showMessage(words[worker.state === "failed" ? "calc-runtime-failed" : "roster-page-failed"], "calc-error");
  } finally {
    if (mine === asked) {
      result.removeAttribute("aria-busy");
      progressBox.hidden = true;
    }
  }
}

function checkFile(file) {
  if (!file) return;
  if (file.size > maxFileMB * 1024 * 1024) {
    asked++;
    forget();
    showMessage(fill(words["roster-too-big"], { mb: maxFileMB }), "calc-error");
    return;
  }
  check(() => file.arrayBuffer(), fill(words["roster-page-file"], { name: file.name }));
}

fileInput.addEventListener("change", () => {
  checkFile(fileInput.files[0]);
  fileInput.value = ""; // choosing the same file again (after a paste, or an edit) checks it again
});

// A file dropped anywhere in the roster's box is checked (a browser would otherwise open it,
// leaving the page); the dashed zone shows where.
for (const type of ["dragenter", "dragover"]) {
  root.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.dataset.over = "";
  });
}
root.addEventListener("dragleave", (event) => {
  if (!root.contains(event.relatedTarget)) delete dropZone.dataset.over;
});
root.addEventListener("drop", (event) => {
  event.preventDefault();
  delete dropZone.dataset.over;
  checkFile(event.dataTransfer.files[0]);
});

pasteButton.addEventListener("click", () => {
  const text = pasted.value;
  if (!text.trim()) {
    asked++;
    forget();
    showMessage(words["roster-page-paste-empty"], "calc-error");
    pasted.focus();
    return;
  }
  check(async () => new TextEncoder().encode(text).buffer, words["roster-page-pasted"]);
});

function showProgress(done, total, label) {
  progressBox.hidden = false;
  if (total) {
    progressBar.max = total;
    progressBar.value = done;
    progressText.textContent = fill(words["roster-page-progress"], { done: number(done), total: number(total) });
  } else {
    progressBar.removeAttribute("value"); // indeterminate while the file is read
    progressText.textContent = label ?? "";
  }
}

function showMessage(message, kind) {
  announce.textContent = message;
  result.replaceChildren(el("p", { class: kind }, message));
}

// Results

// Blob URLs live until revoked: a new check (or leaving the page) lets the last ones go.
function forget() {
  for (const link of shown?.links ?? []) URL.revokeObjectURL(link);
  shown = null;
  announce.textContent = "";
  result.replaceChildren();
}
window.addEventListener("pagehide", forget);

const PROBLEMS = 100;

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv;charset=utf-8",
};

function showRoster(answer, files, source) {
  const links = Object.entries(TYPES).map(([kind, type]) => URL.createObjectURL(new Blob([files[kind]], { type })));
  const labels = Object.fromEntries(answer.statuses.map(({ id, label }) => [id, label]));
  const order = answer.statuses.map(({ id }) => id);
  shown = { answer, links, labels, order, sort: { key: "row", ascending: true }, status: "", level: "" };
  const total = answer.rows.length;
  const heading = el("p", { class: "roster-source", tabindex: "-1" }, el("strong", {}, source), " · ", fill(words["roster-page-count"], { count: number(total) }));
  const summary = el(
    "ul",
    { class: "roster-summary" },
    ...order.map((id) => el("li", { "data-status": id }, el("span", { class: "roster-count" }, number(answer.summary[id])), " ", labels[id])),
  );
  const downloads = el(
    "p",
    { class: "roster-downloads" },
    el("strong", {}, words["roster-page-downloads"]),
    " ",
    el("a", { class: "md-button md-button--primary", href: links[0], download: answer.files.xlsx, "data-roster-download": "xlsx" }, words["roster-page-download-xlsx"]),
    " ",
    el("a", { class: "md-button", href: links[1], download: answer.files.csv, "data-roster-download": "csv" }, words["roster-page-download-csv"]),
  );
  // The first PROBLEMS of the rows that cannot be checked, listed; the table (filtered by
  // that status) and the downloads hold them all.
  const problems = answer.rows.filter((row) => row.problems.length);
  const listed = problems.slice(0, PROBLEMS);
  const problemList = problems.length
    ? [
        el("h3", { id: "roster-problems" }, words["roster-page-problems"]),
        el(
          "ul",
          { class: "roster-problems" },
          ...listed.flatMap((row) => row.problems.map((problem) => el("li", {}, problemText(row, problem)))),
          problems.length > PROBLEMS ? el("li", { class: "roster-problems-more" }, fill(words["roster-page-problems-more"], { count: number(problems.length - PROBLEMS) })) : null,
        ),
      ]
    : [];
  // The day whose rules every row was checked under, and the documents in force then
  // (Python's words: calculators/roster/export.py `rules_applied`).
  const rules = el("p", { class: "roster-rules", "data-roster-rules": "" }, answer.rules);
  result.replaceChildren(heading, rules, summary, downloads, ...problemList, ...table(answer));
  announce.textContent = [
    fill(words["roster-page-count"], { count: number(total) }),
    ...order.filter((id) => answer.summary[id]).map((id) => `${labels[id]} ${number(answer.summary[id])}`),
  ].join(" · ");
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}

const problemText = (row, problem) => fill(words["roster-page-problem"], { row: row.row, column: problem.column, message: problem.message });

// The columns of the table: what each shows, and how it sorts.
const COLUMNS = [
  { key: "row", label: "roster-page-row", value: (row) => row.row, numeric: true },
  { key: "name", label: "roster-column-name", value: (row) => row.name },
  { key: "status", label: "roster-answer-column-1", value: (row) => shown.labels[row.status], rank: (row) => shown.order.indexOf(row.status) },
  { key: "target", label: "roster-answer-column-2", value: (row) => row.target },
  { key: "eligible_from", label: "roster-answer-column-3", value: (row) => row.eligible_from },
  { key: "route", label: "roster-answer-column-4", value: (row) => row.route },
  { key: "missing", label: "roster-answer-column-5", value: (row) => [...row.missing, ...row.problems.map((p) => problemText(row, p)), ...row.notes].join(words["list-sep"]) },
  { key: "equivalent", label: "roster-answer-column-6", value: (row) => row.equivalent },
];

function table(answer) {
  const levels = [...new Set(answer.rows.map((row) => row.target).filter(Boolean))].sort((a, b) => a.localeCompare(b, lang));
  const choose = (label, name, options) => {
    const select = el(
      "select",
      { id: `roster-filter-${name}`, "data-roster-filter": name },
      el("option", { value: "" }, words["roster-page-all"]),
      ...options.map(([value, text]) => el("option", { value }, text)),
    );
    select.addEventListener("change", () => {
      shown[name] = select.value;
      fillBody();
    });
    return el("div", { class: "calc-field" }, el("label", { for: select.id }, words[label]), select);
  };
  const filters = el(
    "div",
    { class: "roster-filters" },
    choose("roster-page-filter-status", "status", shown.order.filter((id) => answer.summary[id]).map((id) => [id, `${shown.labels[id]} (${number(answer.summary[id])})`])),
    choose("roster-page-filter-level", "level", levels.map((level) => [level, level])),
  );
  const headRow = el(
    "tr",
    {},
    ...COLUMNS.map((column) => {
      const button = el("button", { type: "button", "data-sort": column.key }, words[column.label]);
      button.addEventListener("click", () => {
        const { sort } = shown;
        shown.sort = { key: column.key, ascending: sort.key === column.key ? !sort.ascending : true };
        fillBody();
      });
      return el("th", { scope: "col", "data-key": column.key }, button);
    }),
  );
  shown.head = headRow;
  shown.body = el("tbody");
  shown.count = el("p", { class: "roster-shown", "aria-live": "polite" });
  shown.more = el("button", { type: "button", class: "md-button roster-more", hidden: "" });
  shown.more.addEventListener("click", writeRows);
  const caption = el("caption", {}, words["roster-page-sort"]);
  const wrapper = el(
    "div",
    { class: "roster-table", role: "region", "aria-labelledby": "roster-table-caption", tabindex: "0" },
    el("table", {}, caption, el("thead", {}, headRow), shown.body),
  );
  caption.id = "roster-table-caption";
  fillBody();
  return [filters, shown.count, wrapper, el("p", {}, shown.more)];
}

// The rows that pass the filters, in the chosen order: the first PAGE of them, then PAGE more
// at each press of the button below the table. A browser lays a table out whole, so ten
// thousand rows at once would hold the page still for seconds; the downloads hold every row.
const PAGE = 500;

function fillBody() {
  const { answer, sort, status, level } = shown;
  const column = COLUMNS.find((c) => c.key === sort.key);
  const key = column.rank ?? column.value;
  const collator = new Intl.Collator(lang === "zh" ? "zh-CN" : "en-GB", { numeric: true });
  shown.rows = answer.rows
    .filter((row) => (!status || row.status === status) && (!level || row.target === level))
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = typeof x === "number" ? x - y : collator.compare(String(x), String(y));
      return (sort.ascending ? order : -order) || a.row - b.row;
    });
  for (const th of shown.head.children) {
    if (th.dataset.key === sort.key) th.setAttribute("aria-sort", sort.ascending ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  shown.body.replaceChildren();
  writeRows();
}

function writeRows() {
  const { rows, body, more } = shown;
  const from = body.rows.length;
  const slice = document.createDocumentFragment();
  for (const row of rows.slice(from, from + PAGE)) {
    slice.append(el("tr", { "data-status": row.status }, ...COLUMNS.map((c) => el(c.key === "row" ? "th" : "td", c.key === "row" ? { scope: "row" } : {}, String(c.value(row) ?? "")))));
  }
  body.append(slice);
  const written = body.rows.length;
  const total = shown.answer.rows.length;
  shown.count.textContent = rows.length ? fill(words["roster-page-shown"], { shown: number(written), total: number(total) }) : words["roster-page-none"];
  const left = rows.length - written;
  more.hidden = left <= 0;
  more.textContent = fill(words["roster-page-more"], { count: number(Math.min(PAGE, left)), left: number(left) });
  body.dataset.complete = "";
}

startWorker();
