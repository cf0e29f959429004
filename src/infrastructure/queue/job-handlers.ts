/** One processor as the startup check sees it: its class name, its queue and the job names it handles. */
export interface ProcessorHandlers {
  processor: string;
  queue: string;
  names: readonly string[];
}

/**
 * What keeps a worker from starting (pure): a job name that can be emitted (`jobQueues`: name → queue) with no
 * handler on its queue or with more than one, and a handler for a name that is not declared or on another queue.
 */
export function jobHandlerProblems(
  jobQueues: Readonly<Record<string, string>>,
  processors: readonly ProcessorHandlers[],
): string[] {
  const problems: string[] = [];
  for (const [name, queue] of Object.entries(jobQueues)) {
    const handlers = processors.filter((p) => p.queue === queue && p.names.includes(name)).map((p) => p.processor);
    if (!handlers.length) problems.push(`el trabajo ${name} (cola ${queue}) no tiene manejador`);
    else if (handlers.length > 1)
      problems.push(`el trabajo ${name} (cola ${queue}) tiene ${handlers.length} manejadores: ${handlers.join(', ')}`);
  }
  for (const p of processors) {
    for (const name of p.names) {
      if (!(name in jobQueues)) problems.push(`${p.processor} maneja ${name}, que no está declarado en jobs.ts`);
      else if (jobQueues[name] !== p.queue)
        problems.push(`${p.processor} (cola ${p.queue}) maneja ${name}, que va a la cola ${jobQueues[name]}`);
    }
  }
  return problems;
}

/** Refuses to start a worker that could receive a job it cannot run, or run one twice over (one line). */
export function assertJobHandlers(
  jobQueues: Readonly<Record<string, string>>,
  processors: readonly ProcessorHandlers[],
): void {
  const problems = jobHandlerProblems(jobQueues, processors);
  if (problems.length) throw new Error(`El worker no arranca: ${problems.join('; ')}.`);
}
