import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../../', import.meta.url);

/** A real worker process (our TypeScript through SWC's loader: ~1 s to start, against ~20 s for a tsc build). */
export async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', './scripts/swc-register.mjs', 'test/support/worker-child.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}
