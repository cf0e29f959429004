import { Injectable, OnModuleInit } from '@nestjs/common';
import { Municipality } from './municipality.entity.js';
import { State } from './state.entity.js';
import { TerritoryRepository } from './territory.repository.js';

/**
 * INEGI's catalog never changes while the service runs (a new edition arrives by migration),
 * so it is read once at startup and answered from memory: no query per field, no N+1.
 */
@Injectable()
export class TerritoryService implements OnModuleInit {
  private statesByCode = new Map<string, State>();
  private municipalitiesByCode = new Map<string, Municipality>();
  private municipalitiesByState = new Map<string, Municipality[]>();

  constructor(private readonly repository: TerritoryRepository) {}

  async onModuleInit(): Promise<void> {
    const [states, municipalities] = await Promise.all([this.repository.states(), this.repository.municipalities()]);
    this.statesByCode = new Map(states.map((s) => [s.code, s]));
    this.municipalitiesByCode = new Map(municipalities.map((m) => [m.code, m]));
    this.municipalitiesByState = new Map(states.map((s) => [s.code, []]));
    for (const m of municipalities) this.municipalitiesByState.get(m.stateCode)?.push(m);
  }

  states(): State[] {
    return [...this.statesByCode.values()];
  }

  state(code: string): State | null {
    return this.statesByCode.get(code) ?? null;
  }

  municipality(code: string): Municipality | null {
    return this.municipalitiesByCode.get(code) ?? null;
  }

  municipalitiesOf(stateCode: string): Municipality[] {
    return this.municipalitiesByState.get(stateCode) ?? [];
  }

  /** True when `municipalityCode` exists and lies in `stateCode`. */
  belongsTo(municipalityCode: string, stateCode: string): boolean {
    return this.municipality(municipalityCode)?.stateCode === stateCode;
  }
}
