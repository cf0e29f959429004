import type { ProposalModel } from './dto/proposal.model.js';
import type { Proposal } from './proposal.entity.js';

/**
 * The Proposal as the API shows it to one reader. With `showContent` false (a hidden or ineligible
 * proposal read by the public) only the title, status, stage, dates and moderation reason remain:
 * summary and body empty, no links, location or cost.
 */
export function proposalView(proposal: Proposal, showContent: boolean): ProposalModel {
  const view: ProposalModel = {
    id: proposal.id,
    challengeId: proposal.challengeId,
    authorId: proposal.authorId,
    title: proposal.title,
    summary: proposal.summary,
    body: proposal.body,
    estimatedCost: proposal.estimatedCost,
    latitude: proposal.latitude,
    longitude: proposal.longitude,
    links: proposal.links,
    status: proposal.status,
    stage: proposal.stage,
    eliminatedInRound: proposal.eliminatedInRound,
    moderationReason: proposal.moderationReason,
    submittedAt: proposal.submittedAt,
    createdAt: proposal.createdAt,
    updatedAt: proposal.updatedAt,
    contentHidden: !showContent,
  };
  if (showContent) return view;
  return { ...view, summary: '', body: '', estimatedCost: null, latitude: null, longitude: null, links: [] };
}
