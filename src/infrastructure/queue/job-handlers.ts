/** The job names a processor can be handed that it has no handler for (startup must fail on any). */
export function missingHandlers(names: readonly string[], handlers: Record<string, unknown>): string[] {
  return names.filter((name) => typeof handlers[name] !== 'function');
}

/** Refuses to start a worker that could receive a job it cannot run. */
export function assertHandlers(queue: string, names: readonly string[], handlers: Record<string, unknown>): void {
  const missing = missingHandlers(names, handlers);
  if (missing.length) throw new Error(`La cola ${queue} no tiene manejador para: ${missing.join(', ')}`);
}
