// A server for a bench in its own Node process (issue #17): the load generator never shares its event loop.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

/** A free local TCP port. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface BenchProcess {
  url: string;
  /** User + system CPU seconds the process has used so far (Linux /proc). */
  cpuSeconds(): number;
  /** SQL statements the process has sent so far (the API's `sql_statements_total`), NaN for a server without it. */
  sqlStatements(): Promise<number>;
  /** Resident set size now and its peak (VmRSS, VmHWM of Linux /proc), in bytes. */
  memory(): { rss: number; peak: number };
  /** Starts the peak (VmHWM) over from the current RSS; false where the kernel does not allow it. */
  resetPeak(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts `node --import ./scripts/swc-register.mjs <entry>` (a `.ts` entry) or `node <entry>` (a compiled `.js` one) with `env` on a free port and waits until
 * `readyPath` answers 200, or `ready()` resolves true for a process without HTTP (or the process exits, which fails
 * the bench with its output).
 */
export async function startBenchProcess(
  entry: string,
  env: Record<string, string>,
  readyPath: string | (() => Promise<boolean>),
  nodeFlags: string[] = [],
): Promise<BenchProcess> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=var/prof", profiles the servers (not the load generator).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const loader = entry.endsWith('.ts') ? ['--import', './scripts/swc-register.mjs'] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, ...nodeArgs, ...loader, entry], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = once(child, 'exit').then(() => {
    throw new Error(`${entry} exited before it was ready:\n${output}`);
  });
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (;;) {
      const ok =
        typeof readyPath === 'function'
          ? await readyPath()
          : await fetch(url + readyPath, { headers: { 'apollo-require-preflight': 'true' } }).then(
              (r) => r.ok,
              () => false,
            );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100)); // polling a port that has no event to await
    }
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return {
    url,
    cpuSeconds() {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND; // utime, stime
    },
    async sqlStatements() {
      const metrics = await fetch(`${url}/metrics`).then((r) => (r.ok ? r.text() : ''));
      return Number(/^sql_statements_total (\d+)$/m.exec(metrics)?.[1] ?? NaN);
    },
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    },
    resetPeak() {
      try {
        writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return; // gone already
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The Node flags `npm start` or `npm run start:worker` gives `dist/src/<name>.js` (package.json is the one source). */
function nodeFlagsOf(name: 'main' | 'worker'): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const script = scripts[name === 'main' ? 'start' : 'start:worker'];
  const flags = new RegExp(`node ((?:--\\S+ )*)dist/src/${name}\\.js`).exec(script);
  if (!flags) throw new Error(`package.json does not start dist/src/${name}.js with node: ${script}`);
  return flags[1].split(' ').filter(Boolean);
}

/** Compiles the API (`npm run build:api`) and starts `dist/src/<name>.js`, as `npm start` and `start:worker` run it. */
export function startCompiledProcess(
  name: 'main' | 'worker',
  env: Record<string, string>,
  readyPath: string | (() => Promise<boolean>),
): Promise<BenchProcess> {
  execSync('npm run -s build:api', { stdio: 'inherit' });
  return startBenchProcess(`dist/src/${name}.js`, env, readyPath, nodeFlagsOf(name));
}
