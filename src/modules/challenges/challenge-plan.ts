import { formatCentavos, parseDecimal } from '../../common/money.js';
import type { StoredSettings } from './challenge.entity.js';
import { applySettingsDefaults, ChallengePlan, SettingsInput, SettingsPlan } from './challenge-rules.js';
import type { CriterionInput, RoundInput } from './dto/challenge.inputs.js';

/** What the plan rules need from a challenge being created, updated or published. */
export interface PlanSource {
  budget: string | null;
  settings: SettingsInput & { voterBudget?: bigint | null };
  rounds: Pick<RoundInput, 'kind' | 'title' | 'opensAt' | 'closesAt' | 'advanceCount'>[];
  criteria: Pick<CriterionInput, 'name' | 'description' | 'weight' | 'maxScore'>[];
}

export function toPlan(source: PlanSource): ChallengePlan {
  const budget = source.budget === null ? null : parseDecimal(source.budget);
  return {
    budget,
    settings: applySettingsDefaults(source.settings),
    rounds: source.rounds.map((r) => ({ ...r, advanceCount: r.advanceCount ?? null })),
    criteria: source.criteria,
  };
}

/** Settings input (Decimal strings) → plan settings input (centavos). */
export function settingsInput(
  settings: Partial<Omit<StoredSettings, 'voterBudget'>> & { voterBudget?: string | null },
): SettingsInput {
  const { voterBudget, ...rest } = settings;
  return { ...rest, voterBudget: voterBudget == null ? null : parseDecimal(voterBudget) };
}

export function storedSettings(plan: SettingsPlan): StoredSettings {
  const { voterBudget, ...rest } = plan;
  return { ...rest, voterBudget: voterBudget === null ? null : formatCentavos(voterBudget) };
}
