// Start-up benchmark: Liaison on a 100,000-incident workspace against a hello-world Tauri window
// from the same workspace, alternating, under Xvfb, warm file cache.
//   node bench/startup.mjs [--runs 10] [--no-build]
// Start: process spawn → the page's LIAISON_FIRST_DATA mark (first data painted / first paint).
// Memory: summed PSS (/proc/PID/smaps_rollup) of the app and its WebKit child processes after 10 s idle.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 10;
const IDLE_MS = 10_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!args.includes("--no-build")) {
  execFileSync("npm", ["run", "--silent", "build:ui"], { cwd: ROOT, stdio: "inherit" });
  execFileSync("cargo", ["build", "--release", "-p", "liaison", "--bin", "liaison", "--example", "hello"], { cwd: ROOT, stdio: "inherit" });
  execFileSync("cargo", ["build", "--release", "-p", "liaison-core", "--example", "gen_workspace"], { cwd: ROOT, stdio: "inherit" });
}
const work = mkdtempSync(join(tmpdir(), "liaison-bench-"));
const workspace = join(work, "bench.liaison");
const display = ":" + (200 + Math.floor(Math.random() * 50));
let xvfb;
/** Apps still running (with their WebKit processes), killed however the benchmark ends. */
const running = new Set();

// However the run ends (done, a launch that never marks, an exception, Ctrl-C), nothing is left
// behind: an aborted run once left apps with multi-GB web processes and Xvfb running.
function cleanUp() {
  for (const pid of running) killTree(pid);
  running.clear();
  xvfb?.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => process.exit(130));

execFileSync(join(ROOT, "target/release/examples/gen_workspace"), [workspace, "100000"], { stdio: "inherit" });
xvfb = spawn("Xvfb", [display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
await sleep(800);

function children(pid) {
  const all = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parentOf = new Map();
  for (const p of all) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      parentOf.set(Number(p), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  return [...tree];
}

function pssKb(pid) {
  return children(pid).reduce((sum, p) => {
    try {
      const m = readFileSync(`/proc/${p}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      return sum + (m ? Number(m[1]) : 0);
    } catch {
      return sum;
    }
  }, 0);
}

function killTree(pid) {
  for (const p of children(pid).reverse()) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

async function launch(binary, extraArgs) {
  const home = mkdtempSync(join(work, "home-"));
  const env = {
    ...process.env,
    DISPLAY: display,
    LIAISON_STARTUP_MARK: "1",
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_CACHE_HOME: join(home, "cache"),
  };
  const started = Date.now();
  const child = spawn(binary, extraArgs, { env, stdio: ["ignore", "pipe", "ignore"] });
  running.add(child.pid);
  try {
    const mark = await new Promise((resolveMark, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`${binary}: no mark within 60 s`)), 60_000);
      timer.unref();
      child.on("exit", (code, signal) => reject(new Error(`${binary} exited (${code ?? signal}) before its mark`)));
      child.stdout.on("data", (d) => {
        out += d;
        const m = out.match(/LIAISON_FIRST_DATA (\d+)/);
        if (m) {
          clearTimeout(timer);
          resolveMark(Number(m[1]));
        }
      });
    });
    await sleep(IDLE_MS);
    return { startMs: mark - started, pssMb: pssKb(child.pid) / 1024 };
  } finally {
    killTree(child.pid);
    running.delete(child.pid);
    await sleep(300);
    rmSync(home, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const app = join(ROOT, "target/release/liaison");
const hello = join(ROOT, "target/release/examples/hello");
// One warm-up each so both start from a warm file cache.
await launch(app, ["--workspace", workspace]);
await launch(hello, []);
const results = { liaison: [], hello: [] };
for (let i = 0; i < RUNS; i++) {
  results.liaison.push(await launch(app, ["--workspace", workspace]));
  results.hello.push(await launch(hello, []));
  process.stdout.write(`run ${i + 1}/${RUNS}: liaison ${results.liaison.at(-1).startMs} ms, hello ${results.hello.at(-1).startMs} ms\n`);
}
cleanUp();

const summary = Object.fromEntries(
  Object.entries(results).map(([k, rs]) => [k, { startMs: median(rs.map((r) => r.startMs)), pssMb: median(rs.map((r) => r.pssMb)) }]),
);
console.log(`\n${RUNS} alternating launches each, medians (workspace: 100,000 incidents)`);
console.log(`  Liaison : start ${summary.liaison.startMs} ms, PSS ${summary.liaison.pssMb.toFixed(1)} MB`);
console.log(`  hello   : start ${summary.hello.startMs} ms, PSS ${summary.hello.pssMb.toFixed(1)} MB`);
console.log(`  ratios  : start ${(summary.liaison.startMs / summary.hello.startMs).toFixed(2)}× (goal ≤ 1.5×), memory ${(summary.liaison.pssMb / summary.hello.pssMb).toFixed(2)}× (goal ≤ 1.3×)`);
