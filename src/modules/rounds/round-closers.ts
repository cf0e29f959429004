import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { RoundKind } from '../challenges/challenge-rules.js';
import type { RoundCloser, RoundOpener } from './round-hooks.js';

export const ROUND_KINDS: readonly RoundKind[] = ['SUBMISSION', 'VOTING', 'EVALUATION'];

/** Marks the provider that closes rounds of `kind` (a RoundCloser); found at startup, one per kind. */
export const ClosesRounds = DiscoveryService.createDecorator<RoundKind>();

/** Marks the provider that runs when a round of `kind` opens (a RoundOpener); at most one per kind. */
export const OpensRounds = DiscoveryService.createDecorator<RoundKind>();

/** Round kinds every running app must be able to open with their opener (jury assignments, RULES §6). */
export const KINDS_WITH_OPENER: readonly RoundKind[] = ['EVALUATION'];

export interface MarkedProvider<T> {
  kind: RoundKind | undefined;
  name: string;
  instance: T;
}

/**
 * kind → its one handler, or a startup error naming every kind with none (when `required`) or with more
 * than one, and every handler marked with a kind that does not exist or lacking its method.
 */
export function byKind<T>(
  what: string,
  method: keyof T & string,
  marked: MarkedProvider<T>[],
  required: readonly RoundKind[],
): Map<RoundKind, T> {
  const problems: string[] = [];
  const found = new Map<RoundKind, MarkedProvider<T>[]>();
  for (const provider of marked) {
    if (!provider.kind || !ROUND_KINDS.includes(provider.kind)) {
      problems.push(`${provider.name} está marcado con un tipo de ronda desconocido (${String(provider.kind)})`);
    } else if (typeof provider.instance[method] !== 'function') {
      problems.push(`${provider.name} no tiene el método ${method}`);
    } else found.set(provider.kind, [...(found.get(provider.kind) ?? []), provider]);
  }
  for (const kind of required) if (!found.has(kind)) problems.push(`ninguno para las rondas ${kind}`);
  for (const [kind, providers] of found)
    if (providers.length > 1)
      problems.push(`más de uno para las rondas ${kind}: ${providers.map((p) => p.name).join(', ')}`);
  if (problems.length) throw new Error(`${what}: ${problems.join('; ')}`);
  return new Map([...found].map(([kind, [provider]]) => [kind, provider.instance]));
}

/**
 * The closer and opener of each round kind, discovered among the providers of every module at startup:
 * the process refuses to start when a kind has no closer (a round would close without results) or two.
 */
@Injectable()
export class RoundClosers implements OnModuleInit {
  private closers = new Map<RoundKind, RoundCloser>();
  private openers = new Map<RoundKind, RoundOpener>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.closers = byKind('Cierre de rondas', 'close', this.marked<RoundCloser>(ClosesRounds), ROUND_KINDS);
    this.openers = byKind('Apertura de rondas', 'open', this.marked<RoundOpener>(OpensRounds), KINDS_WITH_OPENER);
  }

  closerOf(kind: RoundKind): RoundCloser {
    const closer = this.closers.get(kind);
    if (!closer) throw new Error(`No hay cierre para las rondas ${kind}`);
    return closer;
  }

  openerOf(kind: RoundKind): RoundOpener | undefined {
    return this.openers.get(kind);
  }

  private marked<T>(decorator: typeof ClosesRounds): MarkedProvider<T>[] {
    const seen = new Set<unknown>();
    return this.discovery
      .getProviders({ metadataKey: decorator.KEY })
      .filter((wrapper) => wrapper.instance && !seen.has(wrapper.instance) && seen.add(wrapper.instance))
      .map((wrapper) => ({
        kind: this.discovery.getMetadataByDecorator(decorator, wrapper),
        name: String(wrapper.name),
        instance: wrapper.instance as T,
      }));
  }
}
